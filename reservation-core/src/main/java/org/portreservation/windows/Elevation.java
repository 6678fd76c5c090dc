package org.portreservation.windows;

import java.util.Optional;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinDef.BOOLByReference;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;
import com.sun.jna.platform.win32.WinNT.PSID;
import com.sun.jna.platform.win32.WinNT.TOKEN_ELEVATION;
import com.sun.jna.platform.win32.WinNT.TOKEN_INFORMATION_CLASS;
import com.sun.jna.platform.win32.WinNT.WELL_KNOWN_SID_TYPE;
import com.sun.jna.ptr.IntByReference;

import org.portreservation.windows.jna.Advapi32;
import org.portreservation.windows.jna.Kernel32;

/**
 * Whether this process runs as an administrator in an elevated process, which Microsoft
 * names as what the persistent reservation functions need. Asked of the process token
 * with {@code CheckTokenMembership} and {@code GetTokenInformation(TokenElevation)}
 * rather than the deprecated {@code IsUserAnAdmin}.
 */
final class Elevation {

	private static final String NEEDED = "creating, deleting and binding from persistent reservations needs an "
			+ "administrator in an elevated process: run elevated as an administrator ('Run as administrator')";

	private Elevation() {
	}

	/**
	 * Why this process cannot use persistent reservations.
	 * @return the reason, empty for an elevated administrator
	 */
	static Optional<String> missing() {
		try {
			return (isAdministrator() && isElevated()) ? Optional.empty() : Optional.of(NEEDED);
		}
		catch (TokenQueryException ex) {
			return Optional.of(NEEDED + "; could not tell whether this process is one (" + ex.getMessage() + ")");
		}
	}

	private static boolean isAdministrator() {
		PSID administrators = new PSID(WinNT.SECURITY_MAX_SID_SIZE);
		IntByReference size = new IntByReference(WinNT.SECURITY_MAX_SID_SIZE);
		check(Advapi32.INSTANCE.CreateWellKnownSid(WELL_KNOWN_SID_TYPE.WinBuiltinAdministratorsSid, null,
				administrators, size), "CreateWellKnownSid(WinBuiltinAdministratorsSid)");
		BOOLByReference member = new BOOLByReference();
		check(Advapi32.INSTANCE.CheckTokenMembership(null, administrators, member), "CheckTokenMembership");
		return member.getValue().booleanValue();
	}

	private static boolean isElevated() {
		HANDLEByReference token = new HANDLEByReference();
		check(Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_QUERY, token),
				"OpenProcessToken");
		try {
			TOKEN_ELEVATION elevation = new TOKEN_ELEVATION();
			check(Advapi32.INSTANCE.GetTokenInformation(token.getValue(), TOKEN_INFORMATION_CLASS.TokenElevation,
					elevation, elevation.size(), new IntByReference()), "GetTokenInformation(TokenElevation)");
			return elevation.TokenIsElevated != 0;
		}
		finally {
			Kernel32.INSTANCE.CloseHandle(token.getValue());
		}
	}

	private static void check(boolean succeeded, String call) {
		if (!succeeded) {
			throw new TokenQueryException(WindowsErrors.describe(call, Native.getLastError()));
		}
	}

	/** A query of the process token failed. */
	private static final class TokenQueryException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TokenQueryException(String message) {
			super(message);
		}

	}

}
