package org.portreservation.windows.jna;

import java.util.HashMap;
import java.util.Map;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.win32.W32APIOptions;

/**
 * Loads the Windows libraries with jna-platform's Unicode options, whatever the JVM's
 * {@code w32.ascii}: the backend reads every text Windows returns as wide characters, so
 * it must call the {@code W} functions. Only Windows has the stdcall convention, so
 * elsewhere, where the tests load stand-in libraries of the same names, the platform's C
 * convention replaces it.
 */
final class WindowsLibraries {

	private WindowsLibraries() {
	}

	static <T extends Library> T load(String name, Class<T> type) {
		Map<String, Object> options = new HashMap<>(W32APIOptions.UNICODE_OPTIONS);
		if (!Platform.isWindows()) {
			options.put(Library.OPTION_CALLING_CONVENTION, Function.C_CONVENTION);
		}
		return Native.load(name, type, options);
	}

}
