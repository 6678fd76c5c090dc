package org.portreservation.windows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.PortReservations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend's answer to "elevated administrator?" is the one {@code whoami /groups}
 * gives: the Administrators group enabled (not only for deny) and a high mandatory
 * integrity level.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsElevationTests {

	private static final String ADMINISTRATORS = "\"S-1-5-32-544\"";

	private static final String HIGH_INTEGRITY = "\"S-1-16-12288\"";

	private static final String SYSTEM_INTEGRITY = "\"S-1-16-16384\"";

	@Test
	void supportsPersistentReservationsExactlyForAnElevatedAdministrator(TestReporter reporter)
			throws IOException, InterruptedException {
		Process whoami = new ProcessBuilder("whoami", "/groups", "/fo", "csv", "/nh").redirectErrorStream(true).start();
		String groups = new String(whoami.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(whoami.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(whoami.exitValue()).as(groups).isZero();
		boolean administrator = groups.lines()
			.anyMatch((group) -> group.contains(ADMINISTRATORS) && group.contains("Enabled group"));
		boolean elevated = groups.contains(HIGH_INTEGRITY) || groups.contains(SYSTEM_INTEGRITY);
		Observations.record(reporter, "whoami: Administrators enabled, high integrity",
				administrator + ", " + elevated);
		assertThat(PortReservations.forCurrentPlatform().backend().persistentSupported())
			.isEqualTo(administrator && elevated);
	}

}
