/**
 * Binds a management server that runs on its own port, in Boot's child management
 * context, from a reserved block.
 */
@NullMarked
package org.portreservation.boot.autoconfigure.management;

import org.jspecify.annotations.NullMarked;
