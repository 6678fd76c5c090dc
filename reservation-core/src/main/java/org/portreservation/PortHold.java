package org.portreservation;

/**
 * A port of a block set aside for one user, until closed: a {@link PortLease} for a
 * process this one does not control, a {@link PortClaim} for a socket of this process
 * that binds the port itself.
 *
 * @since 0.1.0
 */
public abstract sealed class PortHold implements AutoCloseable permits PortLease, PortClaim {

	final AbstractPortReservation reservation;

	private final int port;

	PortHold(AbstractPortReservation reservation, int port) {
		this.reservation = reservation;
		this.port = port;
	}

	/**
	 * The port set aside, for the process or socket that binds it.
	 * @return a port of the block
	 */
	public final int port() {
		return this.port;
	}

	/**
	 * The reservation the port belongs to.
	 * @return the reservation
	 */
	public final PortReservation reservation() {
		return this.reservation;
	}

	/**
	 * Returns the port to the block. Idempotent.
	 */
	@Override
	public abstract void close();

}
