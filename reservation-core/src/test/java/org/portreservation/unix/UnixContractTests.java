package org.portreservation.unix;

import java.util.concurrent.Callable;

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

	/**
	 * In a network namespace of the test's own: ip_local_reserved_ports is the machine's,
	 * shared with every other process.
	 */
	@Override
	protected <T> T apartFromTheMachine(Callable<T> action) throws Exception {
		return NetworkNamespace.call(action);
	}

	@Override
	protected String backendName() {
		return ((OS.current() == OS.MAC) ? "mac-os-x" : "linux") + " (held sockets)";
	}

}
