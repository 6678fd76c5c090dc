package org.portreservation;

import org.jspecify.annotations.Nullable;

/**
 * A wildcard request found no free contiguous block of the requested size anywhere in the
 * port space.
 *
 * @since 0.1.0
 */
public class NoFreeBlockException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the size asked for, where it was looked for, and what to do
	 */
	public NoFreeBlockException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with the failure that revealed it.
	 * @param message the size asked for, where it was looked for, and what to do
	 * @param cause the failure reported by the operating system
	 */
	public NoFreeBlockException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
