package org.portreservation.windows;

import java.util.Optional;

import org.portreservation.AbstractPortReservations;
import org.portreservation.BackendInfo;
import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;

/**
 * The Windows backend: the kernel's own port reservations, through JNA. Placeholder until the Windows backend lands.
 *
 * @since 0.1.0
 */
public final class WindowsPortReservations extends AbstractPortReservations {

	@Override
	protected PortReservation doAcquire(Protocol protocol, int startPort, int numberOfPorts) {
		throw unsupported();
	}

	@Override
	protected PortReservation doCreatePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		throw unsupported();
	}

	@Override
	protected void doDeletePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		throw unsupported();
	}

	@Override
	protected Optional<PortReservation> doLookupPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		throw unsupported();
	}

	@Override
	public BackendInfo backend() {
		return BackendInfo.withoutPersistent("windows (kernel port reservations)", "not implemented yet");
	}

	private static UnsupportedPlatformException unsupported() {
		return new UnsupportedPlatformException("The Windows backend is not implemented yet");
	}

}
