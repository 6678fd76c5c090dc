/**
 * The Windows backend: the kernel's port reservations, runtime and persistent, through
 * JNA; its guarantees are stated in {@link org.portreservation}.
 */
@NullMarked
package org.portreservation.windows;

import org.jspecify.annotations.NullMarked;
