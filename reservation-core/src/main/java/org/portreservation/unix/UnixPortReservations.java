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
import org.portreservation.NoFreeBlockException;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationAccessDeniedException;
import org.portreservation.ReservationNotFoundException;
import org.portreservation.UnsupportedPlatformException;

/**
 * The backend for Linux and other Unix systems: runtime blocks are held sockets plus a
 * cross-process lock, persistent blocks are Linux's
 * {@code net.ipv4.ip_local_reserved_ports}.
 * <p>
 * While a runtime block is held no other process can bind its ports, explicitly or
 * through bind(0), nor use them as a connect() source port. Two processes using this
 * library never hold overlapping blocks: a placeholder is bound before it allows
 * SO_REUSEPORT, so it cannot land on another's port, and each block is also a byte-range
 * lock on a file in the lock directory, which lets an error name the holder. The one way
 * in is a socket of the same user that sets SO_REUSEPORT itself. Everything is dropped by
 * the kernel when the process dies. A block costs one file descriptor per port.
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
		if (!Files.exists(KernelPorts.RESERVED_PORTS)) {
			return BackendInfo.withoutPersistent(name, "this system has no " + KernelPorts.RESERVED_PORTS
					+ " (net.ipv4.ip_local_reserved_ports exists only on Linux)");
		}
		if (!Files.isWritable(KernelPorts.RESERVED_PORTS)) {
			return BackendInfo.withoutPersistent(name,
					"writing net.ipv4.ip_local_reserved_ports needs root or "
							+ "CAP_NET_ADMIN in this network namespace; run as root, or let an administrator run "
							+ "'sudo sysctl -w net.ipv4.ip_local_reserved_ports=<ports>'");
		}
		return BackendInfo.withPersistent(name);
	}

	@Override
	protected PortReservation doAcquire(Protocol protocol, int startPort, int numberOfPorts) {
		if (startPort != 0) {
			try {
				return HeldBlock.hold(this.locks, protocol, startPort, numberOfPorts, nextToken());
			}
			catch (HeldBlock.PortBusy busy) {
				throw inUse(protocol, startPort, numberOfPorts, busy);
			}
			catch (IOException ex) {
				throw failure(protocol, startPort, numberOfPorts, ex);
			}
		}
		return acquireAnyBlock(protocol, numberOfPorts);
	}

	private PortReservation acquireAnyBlock(Protocol protocol, int numberOfPorts) {
		BitSet avoided;
		try {
			avoided = KernelPorts.reservedPorts();
		}
		catch (IOException ex) {
			avoided = new BitSet();
		}
		int[] ephemeral = KernelPorts.ephemeralRange();
		BlockSearch search = new BlockSearch(FIRST_UNPRIVILEGED_PORT, BlockArguments.MAX_PORT, ephemeral[0],
				ephemeral[1], numberOfPorts, avoided);
		for (int start = search.first(); start >= 0;) {
			try {
				return HeldBlock.hold(this.locks, protocol, start, numberOfPorts, nextToken());
			}
			catch (HeldBlock.PortBusy busy) {
				if (isPermissionDenied(busy)) {
					throw accessDenied(protocol, busy.port(), busy.bindFailure());
				}
				start = busy.locked() ? search.next(start, start) : search.next(start, busy.port());
			}
			catch (IOException ex) {
				throw failure(protocol, start, numberOfPorts, ex);
			}
		}
		throw new NoFreeBlockException("No free block of " + numberOfPorts + " contiguous " + protocol.label()
				+ " ports between " + FIRST_UNPRIVILEGED_PORT + " and " + BlockArguments.MAX_PORT
				+ " (looked outside the " + "ephemeral range " + ephemeral[0] + "-" + ephemeral[1]
				+ " first, then inside it, skipping " + "ip_local_reserved_ports): ask for fewer ports, or free some");
	}

	@Override
	protected PortReservation doCreatePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		synchronized (RESERVED_PORTS_WRITE) {
			BitSet reserved = readReservedPorts();
			BitSet block = block(startPort, numberOfPorts);
			BitSet overlap = (BitSet) reserved.clone();
			overlap.and(block);
			if (!overlap.isEmpty()) {
				int port = overlap.nextSetBit(0);
				throw new PortsInUseException("Port " + port + " of the block " + startPort + "-"
						+ (startPort + numberOfPorts - 1) + " is already in net.ipv4.ip_local_reserved_ports ("
						+ KernelPorts.format(reserved) + "), which Linux shares between TCP and UDP: delete the "
						+ "overlapping persistent reservation first, or choose another block", port, -1, null);
			}
			reserved.or(block);
			writeReservedPorts(reserved);
			return new ReservedPortsBlock(protocol, startPort, numberOfPorts, nextToken());
		}
	}

	@Override
	protected void doDeletePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		synchronized (RESERVED_PORTS_WRITE) {
			BitSet reserved = readReservedPorts();
			if (!covers(reserved, startPort, numberOfPorts)) {
				throw notFound(startPort, numberOfPorts, reserved);
			}
			reserved.andNot(block(startPort, numberOfPorts));
			writeReservedPorts(reserved);
		}
	}

	@Override
	protected Optional<PortReservation> doLookupPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		BitSet reserved = readReservedPorts();
		if (!covers(reserved, startPort, numberOfPorts)) {
			return Optional.empty();
		}
		return Optional.of(new ReservedPortsBlock(protocol, startPort, numberOfPorts, nextToken()));
	}

	private static long nextToken() {
		return TOKENS.incrementAndGet();
	}

	private static BitSet block(int startPort, int numberOfPorts) {
		BitSet block = new BitSet();
		block.set(startPort, startPort + numberOfPorts);
		return block;
	}

	private static boolean covers(BitSet reserved, int startPort, int numberOfPorts) {
		return reserved.nextClearBit(startPort) >= startPort + numberOfPorts;
	}

	private static BitSet readReservedPorts() {
		if (!Files.exists(KernelPorts.RESERVED_PORTS)) {
			throw new UnsupportedPlatformException(
					"Persistent reservations need Linux's " + "net.ipv4.ip_local_reserved_ports, which this system ("
							+ System.getProperty("os.name") + ") lacks: use runtime reservations (acquire) here");
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
			throw new ReservationAccessDeniedException("Writing net.ipv4.ip_local_reserved_ports needs root or "
					+ "CAP_NET_ADMIN; an administrator can run: sudo sysctl -w net.ipv4.ip_local_reserved_ports="
					+ (value.isEmpty() ? "''" : value), ex);
		}
		catch (FileSystemException ex) {
			throw new ReservationAccessDeniedException("Could not write net.ipv4.ip_local_reserved_ports ("
					+ ex.getReason() + "): /proc/sys is read-only here, as in most containers; an administrator "
					+ "of the host or network namespace can run: sudo sysctl -w net.ipv4.ip_local_reserved_ports="
					+ (value.isEmpty() ? "''" : value), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + KernelPorts.RESERVED_PORTS, ex);
		}
	}

	private static ReservationNotFoundException notFound(int startPort, int numberOfPorts, BitSet reserved) {
		return new ReservationNotFoundException("No persistent reservation covers " + startPort + "-"
				+ (startPort + numberOfPorts - 1) + ": net.ipv4.ip_local_reserved_ports is '"
				+ KernelPorts.format(reserved) + "' (see it with 'sysctl net.ipv4.ip_local_reserved_ports')");
	}

	private PortReservationException inUse(Protocol protocol, int startPort, int numberOfPorts,
			HeldBlock.PortBusy busy) {
		String block = protocol.label() + " block " + startPort + "-" + (startPort + numberOfPorts - 1);
		if (busy.locked()) {
			Path file = this.locks.file(protocol);
			Optional<PortOwners.LockedByte> locked = PortOwners.ofLock(file, startPort, startPort + numberOfPorts - 1);
			if (locked.isPresent()) {
				int port = (int) locked.get().position();
				PortOwners.Owner owner = locked.get().owner();
				String holder = (owner.pid() == ProcessHandle.current().pid()) ? "another reservation of this process"
						: owner + " through portreservation";
				return new PortsInUseException("Port " + port + " of the " + block + " is reserved by " + holder
						+ ": choose another block, or startPort 0 for any free block", port, owner.pid(), null);
			}
			return new PortsInUseException("The " + block + " overlaps a block reserved through portreservation "
					+ "(lock file " + file + "): choose another block, or startPort 0 for any free block", startPort,
					-1, null);
		}
		if (isPermissionDenied(busy)) {
			return accessDenied(protocol, busy.port(), busy.bindFailure());
		}
		Optional<PortOwners.Owner> owner = PortOwners.ofPort(protocol, busy.port());
		return new PortsInUseException(
				"Port " + busy.port() + " of the " + block + " is in use by " + owner.map(Object::toString)
					.orElse("another socket, whose owner /proc does not show (it lists other "
							+ "users' sockets only to root, and no TCP socket that is bound but neither listens nor "
							+ "connects, such as another process's reservation)")
						+ ": choose another block, or startPort 0 for any free block",
				busy.port(), owner.map(PortOwners.Owner::pid).orElse(-1L), busy.bindFailure());
	}

	private static boolean isPermissionDenied(HeldBlock.PortBusy busy) {
		String message = (busy.bindFailure() != null) ? busy.bindFailure().getMessage() : null;
		return message != null && message.contains("Permission denied");
	}

	private static ReservationAccessDeniedException accessDenied(Protocol protocol, int port, IOException cause) {
		return new ReservationAccessDeniedException("Binding " + protocol.label() + " port " + port + " needs root or "
				+ "CAP_NET_BIND_SERVICE (ports below net.ipv4.ip_unprivileged_port_start, 1024 by default, are "
				+ "privileged): an administrator can run 'sudo setcap cap_net_bind_service=+ep <path of java>' or "
				+ "'sudo sysctl -w net.ipv4.ip_unprivileged_port_start=" + port + "', or choose a port from 1024 up",
				cause);
	}

	private static PortReservationException failure(Protocol protocol, int startPort, int numberOfPorts,
			IOException ex) {
		return new PortReservationException("Could not hold the " + protocol.label() + " block " + startPort + "-"
				+ (startPort + numberOfPorts - 1) + ": " + ex, ex);
	}

}
