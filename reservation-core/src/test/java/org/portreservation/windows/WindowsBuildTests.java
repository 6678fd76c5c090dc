package org.portreservation.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.PortReservations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build the backend reads from the kernel is the one the registry names, which
 * {@code os.version} does not tell.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsBuildTests {

	@Test
	void readsTheBuildTheRegistryNames(TestReporter reporter) {
		String registered = Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE,
				"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber");
		Observations.record(reporter, "os.version, and the build in the registry",
				System.getProperty("os.version") + ", " + registered);
		assertThat(WindowsBuild.current()).isEqualTo(Integer.parseInt(registered));
	}

	@Test
	void warnsOnlyBelowBuild17763() {
		boolean supported = WindowsBuild.current() >= WindowsBuild.FIRST_SUPPORTED;
		assertThat(PortReservations.forCurrentPlatform().backend().limits().isEmpty()).isEqualTo(supported);
	}

}
