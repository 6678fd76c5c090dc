package org.portreservation;

/**
 * Finds blocks that are free right now, for tests that need an explicit start port.
 */
public final class FreeBlocks {

	private FreeBlocks() {
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
		try (PortReservation probe = reservations.acquire(protocol, 0, numberOfPorts)) {
			return probe.startPort();
		}
	}

}
