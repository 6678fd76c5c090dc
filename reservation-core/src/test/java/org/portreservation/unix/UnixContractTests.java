package org.portreservation.unix;

import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.PortReservationContractTests;
import org.portreservation.PortReservations;

/**
 * The shared contract, run against the Unix backend on this machine's real kernel.
 */
@DisabledOnOs(OS.WINDOWS)
class UnixContractTests extends PortReservationContractTests {

	private final PortReservations reservations = new UnixPortReservations();

	@Override
	protected PortReservations reservations() {
		return this.reservations;
	}

	@Override
	protected String backendName() {
		return ((OS.current() == OS.MAC) ? "mac-os-x" : "linux") + " (held sockets)";
	}

}
