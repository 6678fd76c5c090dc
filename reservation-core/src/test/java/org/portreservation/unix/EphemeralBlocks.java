package org.portreservation.unix;

import java.util.concurrent.ThreadLocalRandom;

import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;

/**
 * Acquires blocks inside the kernel's ephemeral range, where bind(0) and connect() would
 * land if nothing guarded them.
 */
final class EphemeralBlocks {

	private EphemeralBlocks() {
	}

	static PortReservation acquire(PortReservations reservations, Protocol protocol, int numberOfPorts) {
		int[] range = KernelPorts.ephemeralRange();
		int starts = range[1] - range[0] - numberOfPorts + 2;
		for (int attempt = 0; attempt < 1000; attempt++) {
			int start = range[0] + ThreadLocalRandom.current().nextInt(starts);
			try {
				return reservations.acquire(protocol, start, numberOfPorts);
			}
			catch (PortsInUseException ex) {
				// Busy here; try elsewhere in the range.
			}
		}
		throw new AssertionError("No free block of " + numberOfPorts + " ports in the ephemeral range");
	}

}
