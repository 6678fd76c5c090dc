/**
 * Auto-configuration that binds the embedded Reactor Netty server from a reserved block.
 */
@NullMarked
package org.portreservation.boot.autoconfigure.netty;

import org.jspecify.annotations.NullMarked;
