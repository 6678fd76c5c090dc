package org.portreservation;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * The one place tests find blocks that are free right now: for an explicit start port,
 * for a start with a property of its own, or held inside a range such as the kernel's
 * ephemeral range.
 */
public final class FreeBlocks {

	private static final int ATTEMPTS = 1000;

	private FreeBlocks() {
	}

	/**
	 * The start of a block that is free right now, found by a wildcard acquire of this
	 * machine's backend that is released at once.
	 * @param protocol the block's protocol
	 * @param numberOfPorts the block's size
	 * @return its first port
	 */
	public static int start(Protocol protocol, int numberOfPorts) {
		return start(PortReservations.forCurrentPlatform(), protocol, numberOfPorts);
	}

	/**
	 * The start of a block that is free right now, found by a wildcard acquire that is
	 * released at once.
	 * @param reservations the backend to ask
	 * @param protocol the block's protocol
	 * @param numberOfPorts the block's size
	 * @return its first port
	 */
	public static int start(PortReservations reservations, Protocol protocol, int numberOfPorts) {
		return start(reservations, protocol, numberOfPorts, (start) -> true);
	}

	/**
	 * The start of a block that is free right now and whose start is acceptable.
	 * @param reservations the backend to ask
	 * @param protocol the block's protocol
	 * @param numberOfPorts the block's size
	 * @param acceptable which starts will do
	 * @return its first port
	 */
	public static int start(PortReservations reservations, Protocol protocol, int numberOfPorts,
			IntPredicate acceptable) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try (PortReservation probe = reservations.acquire(protocol, 0, numberOfPorts)) {
				if (acceptable.test(probe.startPort())) {
					return probe.startPort();
				}
			}
		}
		throw new AssertionError("No acceptable free block of " + numberOfPorts + " " + protocol.label() + " ports");
	}

	/**
	 * Acquires a block inside {@code [low, high]}, such as the kernel's ephemeral range,
	 * where bind(0) and connect() would land if nothing guarded it.
	 * @param reservations the backend to ask
	 * @param protocol the block's protocol
	 * @param numberOfPorts the block's size
	 * @param low the lowest port of the range
	 * @param high the highest port of the range
	 * @return the held block; the caller closes it
	 */
	public static PortReservation acquireBetween(PortReservations reservations, Protocol protocol, int numberOfPorts,
			int low, int high) {
		int starts = high - low - numberOfPorts + 2;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int start = low + ThreadLocalRandom.current().nextInt(starts);
			try {
				return reservations.acquire(protocol, start, numberOfPorts);
			}
			catch (PortsInUseException ex) {
				// Busy here; try elsewhere in the range.
			}
		}
		throw new AssertionError("No free block of " + numberOfPorts + " ports between " + low + " and " + high);
	}

}
