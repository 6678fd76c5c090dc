package org.portreservation.windows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's text for an error code the backend has no name for, read as the stand-in
 * writes it whatever JNA's default options of the JVM.
 */
@WithWindowsStandIn
class WindowsSystemTextStandInTests {

	@Test
	void readsTheSystemsTextInThisJvm() {
		assertThat(WindowsErrors.describe("call", 1450))
			.isEqualTo("call: error 1450, Stand-in system text of error 1450.");
	}

	@Test
	void readsTheSystemsTextInAJvmWhoseJnaDefaultIsAscii() {
		assertThat(SystemTextWithAsciiDefault.describe(1450))
			.isEqualTo("call: error 1450, Stand-in system text of error 1450.");
	}

}
