/**
 * JNA bindings of the Linux socket calls the Unix backend makes where the JDK cannot: an
 * IPv6-only socket, and a socket that programs a port's reuse-port group. In
 * jna-platform's style (C names, header constants, {@code @FieldOrder} structures).
 * <p>
 * Not API: these types are public only so that the backend in
 * {@code org.portreservation.unix} can reach them, and may change in any release.
 */
@NullMarked
package org.portreservation.unix.jna;

import org.jspecify.annotations.NullMarked;
