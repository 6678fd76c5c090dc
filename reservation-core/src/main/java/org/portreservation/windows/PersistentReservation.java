package org.portreservation.windows;

import com.sun.jna.platform.win32.WinError;

import org.portreservation.PortBlock;

/**
 * A handle on a persistent reservation. Its token may change at every restart of Windows,
 * so it is looked up each time it is needed. Any process of an elevated administrator can
 * bind from the reservation by associating its socket with that token, so a handed-off
 * port needs nothing from this process; closing the handle keeps the reservation.
 */
final class PersistentReservation extends KernelReservation {

	private final PortBlock block;

	PersistentReservation(PortBlock block) {
		super(block, true);
		this.block = block;
	}

	@Override
	public long token() {
		return PersistentPortReservations.lookup(this.block)
			.orElseThrow(() -> WindowsErrors.notFound(this.block, WindowsErrors
				.describe(PersistentPortReservations.function("Lookup", protocol()), WinError.ERROR_NOT_FOUND)));
	}

	@Override
	protected void unguard(int port) {
		// The other process binds by associating its own socket with the persistent
		// token.
	}

	@Override
	protected void release() {
		// The persistent reservation outlives this handle.
	}

}
