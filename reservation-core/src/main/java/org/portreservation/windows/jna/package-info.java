/**
 * JNA bindings of the Windows functions, IOCTLs and structures the Windows backend calls,
 * in jna-platform's style (C names, header constants, {@code @FieldOrder} structures) so
 * they can be held next to the headers and upstreamed.
 * <p>
 * Not API: these types are public only so that the backend in
 * {@code org.portreservation.windows} can reach them, and may change in any release.
 */
@NullMarked
package org.portreservation.windows.jna;

import org.jspecify.annotations.NullMarked;
