package org.portreservation;

/**
 * An argument is out of range or not allowed; thrown before any socket, lock or
 * reservation is touched.
 *
 * @since 0.1.0
 */
public class InvalidReservationArgumentException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message which argument was wrong, its value, and what is allowed
	 */
	public InvalidReservationArgumentException(String message) {
		super(message);
	}

}
