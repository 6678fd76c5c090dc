package org.portreservation;

import org.jspecify.annotations.Nullable;

/**
 * The process lacks a privilege the operation needs; the message names it and the command
 * an administrator would run.
 *
 * @since 0.1.0
 */
public class ReservationAccessDeniedException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the missing privilege and the command that grants it
	 */
	public ReservationAccessDeniedException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with the failure that revealed it.
	 * @param message the missing privilege and the command that grants it
	 * @param cause the failure reported by the operating system
	 */
	public ReservationAccessDeniedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
