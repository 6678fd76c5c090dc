package org.portreservation;

import org.jspecify.annotations.Nullable;

/**
 * This operating system, or this operation on it, has no backend.
 *
 * @since 0.1.0
 */
public class UnsupportedPlatformException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is unsupported, where, and what is supported instead
	 */
	public UnsupportedPlatformException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with the failure that revealed it.
	 * @param message what is unsupported, where, and what is supported instead
	 * @param cause the failure behind it
	 */
	public UnsupportedPlatformException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
