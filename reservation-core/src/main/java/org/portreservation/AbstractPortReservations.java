package org.portreservation;

import java.util.Optional;

/**
 * Validates every request before a backend touches a socket, a lock or the kernel, so
 * each backend only implements the operations on arguments known to be good.
 *
 * @since 0.1.0
 */
public abstract class AbstractPortReservations implements PortReservations {

	@Override
	public final PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts) {
		BlockArguments.check(protocol, startPort, numberOfPorts, false);
		return doAcquire(protocol, startPort, numberOfPorts);
	}

	@Override
	public final PortReservation createPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		BlockArguments.check(protocol, startPort, numberOfPorts, true);
		return doCreatePersistent(protocol, startPort, numberOfPorts);
	}

	@Override
	public final void deletePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		BlockArguments.check(protocol, startPort, numberOfPorts, true);
		doDeletePersistent(protocol, startPort, numberOfPorts);
	}

	@Override
	public final Optional<PortReservation> lookupPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		BlockArguments.check(protocol, startPort, numberOfPorts, true);
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

}
