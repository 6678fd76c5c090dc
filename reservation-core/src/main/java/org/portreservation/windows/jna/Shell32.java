package org.portreservation.windows.jna;

/**
 * The one function of {@code shell32.dll} that jna-platform's
 * {@link com.sun.jna.platform.win32.Shell32} lacks and this backend needs (shlobj.h).
 *
 * @since 0.1.0
 */
public interface Shell32 extends com.sun.jna.platform.win32.Shell32 {

	/** The library, loaded when this field is first read. */
	Shell32 INSTANCE = WindowsLibraries.load("shell32", Shell32.class);

	/**
	 * Tells whether the user is a member of the Administrators group and, under user
	 * account control, the process runs elevated: what creating, deleting and binding
	 * from persistent reservations need.
	 * @return {@code true} for an elevated administrator
	 */
	boolean IsUserAnAdmin();

}
