package org.portreservation.windows;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.PortReservationContractTests;
import org.portreservation.PortReservations;

/**
 * The contract every backend keeps, kept by the Windows backend against the real kernel.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsContractTests extends PortReservationContractTests {

	@Override
	protected PortReservations reservations() {
		return PortReservations.forCurrentPlatform();
	}

	@Override
	protected String backendName() {
		return "windows (kernel port reservations)";
	}

}
