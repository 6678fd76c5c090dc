package org.portreservation;

import org.jspecify.annotations.Nullable;

/**
 * Every port of a reservation is already bound or leased, so nothing more can be bound
 * from it.
 *
 * @since 0.1.0
 */
public class BlockExhaustedException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message which block is exhausted and what to do
	 */
	public BlockExhaustedException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with the failure that revealed it.
	 * @param message which block is exhausted and what to do
	 * @param cause the failure reported by the operating system
	 */
	public BlockExhaustedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
