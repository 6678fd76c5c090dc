package org.portreservation.windows;

import org.portreservation.PortReservationContractTests;
import org.portreservation.PortReservations;

/**
 * The contract every backend keeps, kept by the real Windows backend against the stand-in
 * Windows libraries.
 */
@WithWindowsStandIn
class WindowsStandInContractTests extends PortReservationContractTests {

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@Override
	protected PortReservations reservations() {
		return this.reservations;
	}

	@Override
	protected String backendName() {
		return "windows (kernel port reservations)";
	}

}
