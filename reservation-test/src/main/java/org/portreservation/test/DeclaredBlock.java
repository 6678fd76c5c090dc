package org.portreservation.test;

import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;

/**
 * One checked {@link org.portreservation.test.PortBlock @PortBlock}: its name, its block
 * and whether its ports are handed off.
 *
 * @param name the block's name
 * @param block the block, or a request for any free block
 * @param handOff whether its ports go to a server the test does not control
 */
record DeclaredBlock(String name, PortBlock block, boolean handOff) {

	/** Reserves the block, and hands its ports off if it is declared so. */
	PortReservation reserve(PortReservations backend) {
		if (!this.handOff) {
			return backend.acquire(this.block);
		}
		PortReservation reservation = this.block.isAnyFree() ? HandOff.acquireOutsideEphemeralRange(backend, this.block)
				: backend.acquire(this.block);
		HandOff.handOff(this.name, reservation);
		return reservation;
	}

}
