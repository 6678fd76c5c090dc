package org.portreservation.windows;

import java.util.List;
import java.util.Optional;

import org.portreservation.AbstractPortReservations;
import org.portreservation.BackendInfo;
import org.portreservation.PortReservation;
import org.portreservation.PortBlock;

/**
 * The Windows backend: the kernel's own port reservations, as Microsoft documents them,
 * through JNA.
 * <p>
 * A runtime block is {@code SIO_ACQUIRE_PORT_RESERVATION} on a socket this backend owns,
 * dropped when that socket closes or the process exits. Binding from a block is
 * {@code SIO_ASSOCIATE_PORT_RESERVATION} on the caller's unbound channel, then its bind;
 * Windows documents no way to undo the association, so when that bind fails the channel
 * is left unbound but associated, and the exception says to close it. Persistent blocks
 * are the IP Helper's {@code CreatePersistent*PortReservation}; their tokens change
 * across restarts, so every bind looks the token up. What a block guarantees is stated
 * once in {@link org.portreservation}. Reading the {@code SOCKET} of a Java channel needs
 * the JVM option {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}. On Windows
 * builds older than 17763 (Windows 10 1809, Server 2019) it refuses to reserve, since
 * Microsoft's msquic found port reservations unsafe to use there. Nothing native is
 * loaded until a method needs it.
 *
 * @since 0.1.0
 */
public final class WindowsPortReservations extends AbstractPortReservations {

	private static final String NAME = "windows (kernel port reservations)";

	@Override
	protected PortReservation doAcquire(PortBlock block) {
		WindowsBuild.requireSupported("reserve the " + block);
		return RuntimeReservation.acquire(block);
	}

	@Override
	protected PortReservation doCreatePersistent(PortBlock block) {
		WindowsBuild.requireSupported("create a persistent reservation of the " + block);
		PersistentPortReservations.create(block);
		return new PersistentReservation(block);
	}

	@Override
	protected void doDeletePersistent(PortBlock block) {
		PersistentPortReservations.delete(block);
	}

	@Override
	protected Optional<PortReservation> doLookupPersistent(PortBlock block) {
		WindowsBuild.requireSupported("bind from the persistent reservation of the " + block);
		return PersistentPortReservations.lookup(block).isPresent() ? Optional.of(new PersistentReservation(block))
				: Optional.empty();
	}

	@Override
	public BackendInfo backend() {
		BackendInfo info = Elevation.missing()
			.map((reason) -> BackendInfo.withoutPersistent(NAME, reason))
			.orElseGet(() -> BackendInfo.withPersistent(NAME));
		return WindowsBuild.unsupportedReason()
			.map((reason) -> info
				.withLimits(List.of("acquire, createPersistent and lookupPersistent refuse to reserve: " + reason)))
			.orElse(info);
	}

}
