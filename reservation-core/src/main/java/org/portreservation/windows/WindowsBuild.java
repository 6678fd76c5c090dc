package org.portreservation.windows;

import java.util.Optional;

import com.sun.jna.platform.win32.WinNT.OSVERSIONINFO;

import org.portreservation.PortReservationException;
import org.portreservation.UnsupportedPlatformException;
import org.portreservation.windows.jna.NtDll;

/**
 * The build of the running Windows, which decides whether port reservations are safe to
 * use: {@code os.version} says only 10.0 from Windows 10 to Server 2025, so the build is
 * read from the kernel.
 */
final class WindowsBuild {

	/**
	 * Windows 10 1809 and Server 2019 (RS5): Microsoft's msquic, which binds from port
	 * reservations as this backend does, uses them only from this build on, because "only
	 * RS5 and newer can use the port reservation feature safely".
	 */
	static final int FIRST_SUPPORTED = 17763;

	private WindowsBuild() {
	}

	/**
	 * The build number, as {@code RtlGetVersion} reports it.
	 * @return for example 20348 for Windows Server 2022
	 * @throws PortReservationException if Windows does not tell
	 */
	static int current() {
		OSVERSIONINFO info = new OSVERSIONINFO();
		int status = NtDll.INSTANCE.RtlGetVersion(info);
		if (status != 0) {
			throw new PortReservationException("Could not read the Windows build (RtlGetVersion: NTSTATUS 0x"
					+ Integer.toHexString(status) + "), which port reservations need to be " + FIRST_SUPPORTED
					+ " or later; please report this with the Windows version");
		}
		return info.dwBuildNumber.intValue();
	}

	/**
	 * Why port reservations are not used on this build.
	 * @return the reason, empty from build {@value #FIRST_SUPPORTED} on
	 */
	static Optional<String> unsupportedReason() {
		int build = current();
		if (build >= FIRST_SUPPORTED) {
			return Optional.empty();
		}
		return Optional.of("this is Windows build " + build + ", older than build " + FIRST_SUPPORTED
				+ " (Windows 10 1809, Windows Server 2019), the first on which Microsoft's own msquic binds from port "
				+ "reservations, because earlier builds cannot use them safely; update Windows to build "
				+ FIRST_SUPPORTED + " or later");
	}

	/**
	 * Refuses an action that reserves or binds ports on a build older than
	 * {@value #FIRST_SUPPORTED}.
	 * @param action what was asked, such as {@code reserve the tcp block 40000-40003}
	 * @throws UnsupportedPlatformException naming the build and the minimum
	 */
	static void requireSupported(String action) {
		Optional<String> reason = unsupportedReason();
		if (reason.isPresent()) {
			throw new UnsupportedPlatformException("Cannot " + action + ": " + reason.get());
		}
	}

}
