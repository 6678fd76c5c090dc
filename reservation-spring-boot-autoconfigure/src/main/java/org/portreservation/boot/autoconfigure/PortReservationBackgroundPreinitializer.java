package org.portreservation.boot.autoconfigure;

import org.portreservation.PortReservations;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads this platform's backend on Boot's background pre-initialization thread, so that
 * loading its native bindings (about a tenth of a second through JNA) overlaps the rest
 * of start-up instead of delaying the first block. Asking what the backend supports binds
 * no port and writes no file.
 */
final class PortReservationBackgroundPreinitializer implements BackgroundPreinitializer {

	@Override
	public void preinitialize() {
		PortReservations.forCurrentPlatform().backend();
	}

}
