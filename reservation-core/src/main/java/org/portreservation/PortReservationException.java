package org.portreservation;

import org.jspecify.annotations.Nullable;

/**
 * The common base of every failure this library reports; each subtype says what went
 * wrong and what to do.
 *
 * @since 0.1.0
 */
public class PortReservationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message for the user.
	 * @param message what went wrong and what to do
	 */
	public PortReservationException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message for the user and the failure behind it.
	 * @param message what went wrong and what to do
	 * @param cause the failure that caused it
	 */
	public PortReservationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
