/**
 * Auto-configuration that binds the embedded Jetty from a reserved block.
 */
@NullMarked
package org.portreservation.boot.autoconfigure.jetty;

import org.jspecify.annotations.NullMarked;
