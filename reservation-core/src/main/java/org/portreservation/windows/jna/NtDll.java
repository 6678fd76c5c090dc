package org.portreservation.windows.jna;

import com.sun.jna.platform.win32.WinNT.OSVERSIONINFO;

/**
 * The function of {@code ntdll.dll} that jna-platform's
 * {@link com.sun.jna.platform.win32.NtDll} lacks and this backend needs (wdm.h).
 *
 * @since 0.1.0
 */
public interface NtDll extends com.sun.jna.platform.win32.NtDll {

	/** The library, loaded when this field is first read. */
	NtDll INSTANCE = WindowsLibraries.load("ntdll", NtDll.class);

	/**
	 * Reports the version of the running Windows. Unlike {@code GetVersionEx} it does not
	 * depend on the caller's manifest, so the build number is the true one.
	 * @param lpVersionInformation an {@code RTL_OSVERSIONINFOW}, whose
	 * {@code dwOSVersionInfoSize} is its size
	 * @return {@code STATUS_SUCCESS} (0), or an {@code NTSTATUS} error
	 */
	int RtlGetVersion(OSVERSIONINFO lpVersionInformation);

}
