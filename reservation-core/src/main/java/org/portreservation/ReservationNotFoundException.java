package org.portreservation;

/**
 * A persistent reservation that was to be deleted or bound from does not exist.
 *
 * @since 0.1.0
 */
public class ReservationNotFoundException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message which reservation was missing and how to list the existing ones
	 */
	public ReservationNotFoundException(String message) {
		super(message);
	}

}
