package org.portreservation;

/**
 * A port of a block set aside for a process this one does not control, such as a child
 * process or a container.
 * <p>
 * The port stays guarded while leased, so nothing else can take it. {@link #handOff()}
 * drops the guard at the moment the other process is about to bind it; {@link #close()}
 * returns the port to the block, which guards it again as soon as the other process has
 * let go of it.
 *
 * @since 0.1.0
 */
public final class PortLease extends PortHold {

	PortLease(AbstractPortReservation reservation, int port) {
		super(reservation, port);
	}

	/**
	 * Drops the guard so the other process can bind the port. Call it immediately before
	 * that process binds: from here until it does, another process could take the port.
	 * Idempotent.
	 * @throws UnsupportedPlatformException if no other process can bind from this
	 * reservation, as with a runtime reservation on Windows; the lease stays as it was
	 */
	public void handOff() {
		this.reservation.handOff(this);
	}

	/**
	 * Drops the guard and immediately starts the process that takes the port, keeping the
	 * unguarded moment short.
	 * @param <T> what the starter returns, such as a {@link Process}
	 * @param <E> what the starter may throw
	 * @param starter starts the other process
	 * @return what the starter returned
	 * @throws E if the starter fails; the lease stays handed off until closed
	 */
	public <T, E extends Exception> T handOff(Starter<T, E> starter) throws E {
		handOff();
		return starter.start();
	}

	/**
	 * Whether the guard has been dropped for the other process.
	 * @return {@code true} after {@link #handOff()}
	 */
	public boolean isHandedOff() {
		return this.reservation.isHandedOff(this);
	}

	/**
	 * Ends the lease and returns the port to the block. Idempotent.
	 */
	@Override
	public void close() {
		this.reservation.endLease(this);
	}

	@Override
	public String toString() {
		return "lease of " + this.reservation.protocol().label() + " port " + port();
	}

	/**
	 * Starts the process that takes a handed-off port.
	 *
	 * @param <T> what it returns
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface Starter<T, E extends Exception> {

		/**
		 * Starts the other process.
		 * @return anything, such as the {@link Process}
		 * @throws E if it cannot be started
		 */
		T start() throws E;

	}

}
