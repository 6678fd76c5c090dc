/**
 * The backend for Linux, macOS and other Unix systems: held placeholder sockets, a
 * byte-range lock per block, and Linux's {@code ip_local_reserved_ports} for persistent
 * blocks; its guarantees are stated in {@link org.portreservation}.
 */
@NullMarked
package org.portreservation.unix;

import org.jspecify.annotations.NullMarked;
