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
	 * System property naming the directory of the lock files; all processes that should
	 * be kept apart share it.
	 */
	public static final String LOCK_DIRECTORY_PROPERTY = "portreservation.lock-directory";

	private static final int FIRST_UNPRIVILEGED_PORT = 1024;

	private static final AtomicLong TOKENS = new AtomicLong();

	private static final Object RESERVED_PORTS_WRITE = new Object();

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
	 * @param lockDirectory where the lock files live; processes sharing it never hold
	 * overlapping blocks
	 */
	public UnixPortReservations(Path lockDirectory) {
		this.locks = new BlockLocks(lockDirectory);
	}

	/**
	 * The lock directory: {@value #LOCK_DIRECTORY_PROPERTY} if set, else
	 * {@code portreservation-<user>} in the temporary directory.
	 * @return the directory
	 */
	public static Path defaultLockDirectory() {
		String configured = System.getProperty(LOCK_DIRECTORY_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "portreservation-" + System.getProperty("user.name"));
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
		return info.withLimits(Placeholder.limits());
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
		BlockSearch search = new BlockSearch(FIRST_UNPRIVILEGED_PORT, BlockArguments.MAX_PORT, ephemeral[0],
				ephemeral[1], request.numberOfPorts(), avoided);
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
		throw UnixErrors.noFreeBlock(request, FIRST_UNPRIVILEGED_PORT, BlockArguments.MAX_PORT, ephemeral);
	}

	@Override
	protected PortReservation doCreatePersistent(PortBlock block) {
		synchronized (RESERVED_PORTS_WRITE) {
			BitSet reserved = readReservedPorts();
			BitSet ports = ports(block);
			BitSet overlap = (BitSet) reserved.clone();
			overlap.and(ports);
			if (!overlap.isEmpty()) {
				throw UnixErrors.alreadyReserved(block, overlap.nextSetBit(0), reserved);
			}
			reserved.or(ports);
			writeReservedPorts(reserved);
			return new ReservedPortsBlock(block, nextToken());
		}
	}

	@Override
	protected void doDeletePersistent(PortBlock block) {
		synchronized (RESERVED_PORTS_WRITE) {
			BitSet reserved = readReservedPorts();
			if (!covers(reserved, block)) {
				throw UnixErrors.notFound(block, reserved);
			}
			reserved.andNot(ports(block));
			writeReservedPorts(reserved);
		}
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

	private static BitSet readReservedPorts() {
		if (!Files.exists(KernelPorts.RESERVED_PORTS)) {
			throw UnixErrors.noReservedPorts();
		}
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
