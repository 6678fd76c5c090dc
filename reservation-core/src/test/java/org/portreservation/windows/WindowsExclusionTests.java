package org.portreservation.windows;

import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.PortReservations;

/**
 * Who Windows keeps out of a held block, against the kernel; what no source says is
 * recorded in the test report and the log of the workflow's Windows job.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsExclusionTests extends WindowsExclusionContractTests {

	@Override
	protected PortReservations reservations() {
		return PortReservations.forCurrentPlatform();
	}

	@Override
	protected void observed(TestReporter reporter, String question, String answer) {
		Observations.record(reporter, question, answer);
	}

}
