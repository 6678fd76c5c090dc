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
	public final PortReservation acquire(PortBlock block) {
		return doAcquire(BlockArguments.runtimeBlock(block));
	}

	@Override
	public final PortReservation createPersistent(PortBlock block) {
		return doCreatePersistent(BlockArguments.persistentBlock(block));
	}

	@Override
	public final void deletePersistent(PortBlock block) {
		doDeletePersistent(BlockArguments.persistentBlock(block));
	}

	@Override
	public final Optional<PortReservation> lookupPersistent(PortBlock block) {
		return doLookupPersistent(BlockArguments.persistentBlock(block));
	}

	/**
	 * Acquires a runtime block.
	 * @param block the block, or a request for any free block
	 * @return the reservation
	 */
	protected abstract PortReservation doAcquire(PortBlock block);

	/**
	 * Creates a persistent block.
	 * @param block the block, which names its ports
	 * @return a handle on it
	 */
	protected abstract PortReservation doCreatePersistent(PortBlock block);

	/**
	 * Deletes a persistent block.
	 * @param block the block, which names its ports
	 */
	protected abstract void doDeletePersistent(PortBlock block);

	/**
	 * Looks up a persistent block.
	 * @param block the block, which names its ports
	 * @return a handle on it, or empty
	 */
	protected abstract Optional<PortReservation> doLookupPersistent(PortBlock block);

}
