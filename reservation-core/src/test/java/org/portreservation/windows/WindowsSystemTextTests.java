package org.portreservation.windows;

import com.sun.jna.platform.win32.Kernel32Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's text for an error code the backend has no name for is Windows' own, as
 * jna-platform reads it, whatever JNA's default options of the JVM.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsSystemTextTests {

	private static final int ERROR_NO_SYSTEM_RESOURCES = 1450;

	@Test
	void readsTheSystemsTextInThisJvm() {
		assertThat(WindowsErrors.describe("call", ERROR_NO_SYSTEM_RESOURCES)).isEqualTo(expected());
	}

	@Test
	void readsTheSystemsTextInAJvmWhoseJnaDefaultIsAscii() {
		assertThat(SystemTextWithAsciiDefault.describe(ERROR_NO_SYSTEM_RESOURCES)).isEqualTo(expected());
	}

	private static String expected() {
		String text = Kernel32Util.formatMessage(ERROR_NO_SYSTEM_RESOURCES).trim();
		assertThat(text).isNotBlank();
		return "call: error " + ERROR_NO_SYSTEM_RESOURCES + ", " + text;
	}

}
