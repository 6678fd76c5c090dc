package org.portreservation.windows.jna;

/**
 * jna-platform's {@link com.sun.jna.platform.win32.Kernel32}, loaded as the other
 * libraries of this backend are, for the system's text of an error code.
 *
 * @since 0.1.0
 */
public interface Kernel32 extends com.sun.jna.platform.win32.Kernel32 {

	/** The library, loaded when this field is first read. */
	Kernel32 INSTANCE = WindowsLibraries.load("kernel32", Kernel32.class);

}
