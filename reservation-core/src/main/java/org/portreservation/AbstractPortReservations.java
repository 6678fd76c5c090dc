package org.portreservation;

import java.util.Optional;

/**
 * Validates every request before a backend touches a socket, a lock or the kernel, so each backend only implements
 * the operations on arguments known to be good.
 *
 * @since 0.1.0
 */
public abstract class AbstractPortReservations implements PortReservations {

	/** The highest port number. */
	public static final int MAX_PORT = 65535;

	@Override
	public final PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts) {
		checkBlock(protocol, startPort, numberOfPorts, false);
		return doAcquire(protocol, startPort, numberOfPorts);
	}

	@Override
	public final PortReservation createPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		checkBlock(protocol, startPort, numberOfPorts, true);
		return doCreatePersistent(protocol, startPort, numberOfPorts);
	}

	@Override
	public final void deletePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		checkBlock(protocol, startPort, numberOfPorts, true);
		doDeletePersistent(protocol, startPort, numberOfPorts);
	}

	@Override
	public final Optional<PortReservation> lookupPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		checkBlock(protocol, startPort, numberOfPorts, true);
		return doLookupPersistent(protocol, startPort, numberOfPorts);
	}

	/**
	 * Acquires a runtime block; arguments are valid.
	 * @param protocol the protocol
	 * @param startPort the first port, or 0 for any free block
	 * @param numberOfPorts the number of ports
	 * @return the reservation
	 */
	protected abstract PortReservation doAcquire(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Creates a persistent block; arguments are valid and {@code startPort} is not 0.
	 * @param protocol the protocol
	 * @param startPort the first port
	 * @param numberOfPorts the number of ports
	 * @return a handle on it
	 */
	protected abstract PortReservation doCreatePersistent(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Deletes a persistent block; arguments are valid and {@code startPort} is not 0.
	 * @param protocol the protocol
	 * @param startPort the first port
	 * @param numberOfPorts the number of ports
	 */
	protected abstract void doDeletePersistent(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Looks up a persistent block; arguments are valid and {@code startPort} is not 0.
	 * @param protocol the protocol
	 * @param startPort the first port
	 * @param numberOfPorts the number of ports
	 * @return a handle on it, or empty
	 */
	protected abstract Optional<PortReservation> doLookupPersistent(Protocol protocol, int startPort,
			int numberOfPorts);

	/**
	 * Checks a block request, naming the wrong argument and what is allowed.
	 * @param protocol must not be null
	 * @param startPort 0 (only if not persistent) or 1 to 65535
	 * @param numberOfPorts 1 to 65535, and the block must end at 65535 or below
	 * @param persistent whether the request is for a persistent reservation
	 * @throws InvalidReservationArgumentException if something is wrong
	 */
	public static void checkBlock(Protocol protocol, int startPort, int numberOfPorts, boolean persistent) {
		if (protocol == null) {
			throw new InvalidReservationArgumentException("protocol must be TCP or UDP, was null");
		}
		if (startPort < 0 || startPort > MAX_PORT) {
			throw new InvalidReservationArgumentException("startPort must be 0 (any free block) or a port between 1 and "
					+ MAX_PORT + ", was " + startPort);
		}
		if (numberOfPorts < 1 || numberOfPorts > MAX_PORT) {
			throw new InvalidReservationArgumentException(
					"numberOfPorts must be between 1 and " + MAX_PORT + ", was " + numberOfPorts);
		}
		if (startPort != 0 && (long) startPort + numberOfPorts - 1 > MAX_PORT) {
			throw new InvalidReservationArgumentException("The block " + startPort + "-"
					+ ((long) startPort + numberOfPorts - 1) + " runs past the highest port " + MAX_PORT
					+ ": from startPort " + startPort + ", numberOfPorts can be at most " + (MAX_PORT - startPort + 1));
		}
		if (persistent && startPort == 0) {
			throw new InvalidReservationArgumentException("A persistent reservation needs an explicit startPort between 1 "
					+ "and " + MAX_PORT + ", was 0: any free block (startPort 0) exists only for runtime "
					+ "reservations, through acquire");
		}
	}

}
