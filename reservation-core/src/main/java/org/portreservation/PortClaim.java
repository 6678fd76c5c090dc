package org.portreservation;

/**
 * A port of a block that a socket of this process binds itself, on top of the block's
 * guard, because it cannot be handed to {@link PortReservation#bind bind}: a native
 * socket such as Netty's epoll, io_uring or kqueue server channel.
 * <p>
 * The socket sets {@code SO_REUSEPORT} before it binds the claimed port; the block keeps
 * guarding the port meanwhile and reports it in use until the claim is closed. Close the
 * claim once the socket is closed, or once its bind failed.
 *
 * @since 0.1.0
 */
public final class PortClaim extends PortHold {

	PortClaim(AbstractPortReservation reservation, int port) {
		super(reservation, port);
	}

	/**
	 * Returns the port to the block. Idempotent.
	 */
	@Override
	public void close() {
		this.reservation.endClaim(this);
	}

	@Override
	public String toString() {
		return "claim of " + this.reservation.protocol().label() + " port " + port();
	}

}
