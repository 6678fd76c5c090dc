package org.portreservation.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.portreservation.AbstractPortReservations;
import org.portreservation.BackendInfo;
import org.portreservation.BlockArguments;
import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortsInUseException;

/**
 * The backend for Linux and other Unix systems: runtime blocks are held sockets plus a
 * cross-process lock, persistent blocks are Linux's
 * {@code net.ipv4.ip_local_reserved_ports}.
 * <p>
 * What a block guarantees here, and what it does not, is stated once in
 * {@link org.portreservation}. A block costs one file descriptor per port.
 *
 * @since 0.1.0
 */
public final class UnixPortReservations extends AbstractPortReservations {

	/**
	 * System property naming the directory of the lock files; processes that share it
	 * name each other when their blocks conflict. It must be a directory that only this
	 * user can write, as the default is; any other is not used (see
	 * {@link #UnixPortReservations(Path)}).
	 */
	public static final String LOCK_DIRECTORY_PROPERTY = "portreservation.lock-directory";

	private static final int FIRST_UNPRIVILEGED_PORT = 1024;

	private static final AtomicLong TOKENS = new AtomicLong();

	/** Writes of {@code ip_local_reserved_ports} before a change counts as lost. */
	private static final int RESERVED_PORTS_ATTEMPTS = 3;

	private final BlockLocks locks;

	/**
	 * Creates the backend with the lock directory from {@value #LOCK_DIRECTORY_PROPERTY},
	 * or the default.
	 */
	public UnixPortReservations() {
		this(defaultLockDirectory());
	}

	/**
	 * Creates the backend with a lock directory of its own choosing.
	 * <p>
	 * The directory is created for this user alone if it is missing. It is used only if
	 * it is a real directory, not a symbolic link, owned by this process's effective user
	 * and writable by no one else; lock files in it are never opened through a link.
	 * Otherwise the backend logs one warning and holds blocks without the lock: their
	 * sockets still keep them apart from every other process's, but a conflict no longer
	 * names the process holding the block. An acquire never fails because of the lock
	 * directory.
	 * @param lockDirectory where the lock files live; processes sharing it name each
	 * other when their blocks conflict
	 */
	public UnixPortReservations(Path lockDirectory) {
		this.locks = new BlockLocks(lockDirectory);
	}

	/**
	 * The lock directory: {@value #LOCK_DIRECTORY_PROPERTY} if set, else
	 * {@code portreservation} in {@code $XDG_RUNTIME_DIR} where that is this user's
	 * alone, else {@code portreservation-<effective uid>} in the temporary directory.
	 * @return the directory, which may not exist yet
	 */
	public static Path defaultLockDirectory() {
		String configured = System.getProperty(LOCK_DIRECTORY_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return LockDirectory.defaultDirectory(System.getenv("XDG_RUNTIME_DIR"), System.getProperty("java.io.tmpdir"));
	}

	@Override
	public BackendInfo backend() {
		String name = System.getProperty("os.name", "unix").toLowerCase(Locale.ROOT).replace(' ', '-')
				+ " (held sockets)";
		BackendInfo info;
		if (!Files.exists(KernelPorts.RESERVED_PORTS)) {
			info = BackendInfo.withoutPersistent(name, "this system has no " + KernelPorts.RESERVED_PORTS
					+ " (net.ipv4.ip_local_reserved_ports exists only on Linux)");
		}
		else if (!Files.isWritable(KernelPorts.RESERVED_PORTS)) {
			info = BackendInfo.withoutPersistent(name,
					"writing net.ipv4.ip_local_reserved_ports needs root or "
							+ "CAP_NET_ADMIN in this network namespace; run as root, or let an administrator run "
							+ "'sudo sysctl -w net.ipv4.ip_local_reserved_ports=<ports>'");
		}
		else {
			info = BackendInfo.withPersistent(name);
		}
		return info.withLimits(Placeholders.limits());
	}

	@Override
	protected PortReservation doAcquire(PortBlock block) {
		if (block.isAnyFree()) {
			return acquireAnyBlock(block);
		}
		try {
			return HeldBlock.hold(this.locks, block, nextToken());
		}
		catch (HeldBlock.PortBusy busy) {
			throw UnixErrors.inUse(block, busy, this.locks.file(block.protocol()));
		}
		catch (IOException ex) {
			throw UnixErrors.holdFailed(block, ex);
		}
	}

	private PortReservation acquireAnyBlock(PortBlock request) {
		BitSet avoided;
		try {
			avoided = KernelPorts.reservedPorts();
		}
		catch (IOException ex) {
			avoided = new BitSet();
		}
		int[] ephemeral = KernelPorts.ephemeralRange();
		// Where net.ipv4.ip_unprivileged_port_start is higher, only root would get the
		// ports below it.
		int low = BindPrivilege.lowestBindablePort(FIRST_UNPRIVILEGED_PORT);
		BlockSearch search = new BlockSearch(low, BlockArguments.MAX_PORT, ephemeral[0], ephemeral[1],
				request.numberOfPorts(), avoided);
		for (int start = search.first(); start >= 0;) {
			PortBlock candidate = PortBlock.of(request.protocol(), start, request.numberOfPorts());
			try {
				return HeldBlock.hold(this.locks, candidate, nextToken());
			}
			catch (HeldBlock.PortBusy busy) {
				if (!busy.locked() && BindPrivilege.lacking(busy.port())) {
					throw UnixErrors.accessDenied(request.protocol(), busy.port(), busy.bindFailure());
				}
				start = busy.locked() ? search.next(start, start) : search.next(start, busy.port());
			}
			catch (IOException ex) {
				throw UnixErrors.holdFailed(candidate, ex);
			}
		}
		throw UnixErrors.noFreeBlock(request, low, BlockArguments.MAX_PORT, ephemeral);
	}

	@Override
	protected PortReservation doCreatePersistent(PortBlock block) {
		requireReservedPorts();
		return ReservedPortsLock.SHARED.run(() -> {
			changeReservedPorts(block, true);
			return new ReservedPortsBlock(block, nextToken());
		});
	}

	@Override
	protected void doDeletePersistent(PortBlock block) {
		requireReservedPorts();
		ReservedPortsLock.SHARED.run(() -> {
			changeReservedPorts(block, false);
			return null;
		});
	}

	/**
	 * Adds the block to {@code ip_local_reserved_ports} or removes it, and reads the list
	 * back: another process (one that does not take the lock, such as {@code sysctl}) may
	 * have rewritten it from an older copy, in which case the change is made again.
	 */
	private static void changeReservedPorts(PortBlock block, boolean create) {
		BitSet ports = ports(block);
		BitSet reserved = readReservedPorts();
		if (create && reserved.intersects(ports)) {
			throw alreadyReserved(block, ports, reserved);
		}
		if (!create && !covers(reserved, block)) {
			throw UnixErrors.notFound(block, reserved);
		}
		for (int attempt = 1;; attempt++) {
			if (create) {
				reserved.or(ports);
			}
			else {
				reserved.andNot(ports);
			}
			writeReservedPorts(reserved);
			reserved = readReservedPorts();
			if (create ? covers(reserved, block) : !reserved.intersects(ports)) {
				return;
			}
			if (attempt == RESERVED_PORTS_ATTEMPTS) {
				throw UnixErrors.reservedPortsChangeLost(block, create, attempt, reserved);
			}
			if (create && reserved.intersects(ports)) {
				// Part of the block is there, but not from this change: someone else's.
				throw alreadyReserved(block, ports, reserved);
			}
		}
	}

	private static PortsInUseException alreadyReserved(PortBlock block, BitSet ports, BitSet reserved) {
		BitSet overlap = (BitSet) reserved.clone();
		overlap.and(ports);
		return UnixErrors.alreadyReserved(block, overlap.nextSetBit(0), reserved);
	}

	@Override
	protected Optional<PortReservation> doLookupPersistent(PortBlock block) {
		BitSet reserved = readReservedPorts();
		if (!covers(reserved, block)) {
			return Optional.empty();
		}
		return Optional.of(new ReservedPortsBlock(block, nextToken()));
	}

	private static long nextToken() {
		return TOKENS.incrementAndGet();
	}

	private static BitSet ports(PortBlock block) {
		BitSet ports = new BitSet();
		ports.set(block.startPort(), block.endPort() + 1);
		return ports;
	}

	private static boolean covers(BitSet reserved, PortBlock block) {
		return reserved.nextClearBit(block.startPort()) > block.endPort();
	}

	private static void requireReservedPorts() {
		if (!Files.exists(KernelPorts.RESERVED_PORTS)) {
			throw UnixErrors.noReservedPorts();
		}
	}

	private static BitSet readReservedPorts() {
		requireReservedPorts();
		try {
			return KernelPorts.reservedPorts();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + KernelPorts.RESERVED_PORTS, ex);
		}
	}

	private static void writeReservedPorts(BitSet reserved) {
		String value = KernelPorts.format(reserved);
		try {
			// The kernel parses the list in one write; an empty list must still be a
			// non-empty write.
			Files.writeString(KernelPorts.RESERVED_PORTS, value.isEmpty() ? "\n" : value);
		}
		catch (AccessDeniedException ex) {
			throw UnixErrors.writeDenied(value, ex);
		}
		catch (FileSystemException ex) {
			throw UnixErrors.readOnly(value, ex.getReason(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + KernelPorts.RESERVED_PORTS, ex);
		}
	}

}
