package org.portreservation.windows.jna;

import com.sun.jna.platform.win32.WinDef.BOOLByReference;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.PSID;

/**
 * jna-platform's {@link com.sun.jna.platform.win32.Advapi32}, loaded as the other
 * libraries of this backend are, with the one token function it lacks
 * (securitybaseapi.h).
 *
 * @since 0.1.0
 */
public interface Advapi32 extends com.sun.jna.platform.win32.Advapi32 {

	/** The library, loaded when this field is first read. */
	Advapi32 INSTANCE = WindowsLibraries.load("advapi32", Advapi32.class);

	/**
	 * Tells whether a group is enabled in a token: under user account control, the
	 * Administrators group of an administrator's process that is not elevated is present
	 * only to deny, and so is not.
	 * @param TokenHandle an impersonation token, or {@code null} for the caller's own
	 * @param SidToCheck the group
	 * @param IsMember receives whether the group is enabled in the token
	 * @return {@code true} on success; otherwise the reason is in
	 * {@code Native.getLastError()}
	 */
	boolean CheckTokenMembership(HANDLE TokenHandle, PSID SidToCheck, BOOLByReference IsMember);

}
