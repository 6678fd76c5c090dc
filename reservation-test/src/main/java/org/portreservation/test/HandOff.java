package org.portreservation.test;

import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadLocalRandom;

import org.portreservation.BlockArguments;
import org.portreservation.NoFreeBlockException;
import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.UnsupportedPlatformException;

/**
 * Gives the ports of a {@code handOff} block to servers the test does not control: every
 * port is leased and handed off, so the block stays locked against other users of this
 * library while its ports are free to bind. A block of any free ports is chosen outside
 * the ephemeral range, where bind(0) and outgoing connections do not land.
 */
final class HandOff {

	private static final System.Logger logger = System.getLogger(HandOff.class.getName());

	private static final int FIRST_UNPRIVILEGED_PORT = 1024;

	private static final int ATTEMPTS = 500;

	private HandOff() {
	}

	/**
	 * Reserves a block of any free ports outside the ephemeral range, trying random
	 * starts: the backend's own search may fall back into that range.
	 * @throws NoFreeBlockException if none is found
	 */
	static PortReservation acquireOutsideEphemeralRange(PortReservations backend, PortBlock request) {
		int[] ephemeral = EphemeralPorts.range();
		int size = request.numberOfPorts();
		int below = Math.max(0, ephemeral[0] - size - FIRST_UNPRIVILEGED_PORT + 1);
		int above = Math.max(0, BlockArguments.MAX_PORT + 1 - size - ephemeral[1]);
		for (int attempt = 0; attempt < ATTEMPTS && below + above > 0; attempt++) {
			int index = ThreadLocalRandom.current().nextInt(below + above);
			int start = (index < below) ? FIRST_UNPRIVILEGED_PORT + index : ephemeral[1] + 1 + index - below;
			try {
				return backend.acquire(PortBlock.of(request.protocol(), start, size));
			}
			catch (PortsInUseException ex) {
				// Taken; another random start is as likely to be free as the next one.
			}
		}
		String found = (below + above > 0) ? "is free after " + ATTEMPTS + " random tries" : "fits";
		throw new NoFreeBlockException("No block of " + size + " " + request.protocol().label() + " ports outside "
				+ "the ephemeral range " + ephemeral[0] + "-" + ephemeral[1] + " " + found + ": a block handed off to "
				+ "another server must be there, so that bind(0) and outgoing connections do not take its ports; "
				+ "declare fewer ports, or a startPort");
	}

	/**
	 * Hands off every port of the block, or on Windows, where no other socket can bind
	 * from a runtime reservation, releases the block with a warning.
	 */
	static void handOff(String name, PortReservation reservation) {
		try {
			for (int port = reservation.startPort(); port <= reservation.endPort(); port++) {
				reservation.lease(port).handOff();
			}
		}
		catch (UnsupportedPlatformException ex) {
			reservation.close();
			logger.log(Level.WARNING, () -> "Released the block '" + name + "' (" + reservation.block() + ") "
					+ "declared with handOff = true: " + ex.getMessage() + ". Its ports are no longer kept from "
					+ "anyone: like a probe for a free port, nothing guarantees that they are still free when the "
					+ "server binds them.");
		}
		catch (RuntimeException ex) {
			reservation.close();
			throw ex;
		}
	}

}
