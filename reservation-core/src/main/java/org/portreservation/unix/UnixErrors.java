package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.portreservation.NoFreeBlockException;
import org.portreservation.PortBlock;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationAccessDeniedException;
import org.portreservation.ReservationNotFoundException;
import org.portreservation.UnsupportedPlatformException;

/**
 * The Unix backend's failures as this library's exceptions, each saying what is in the
 * way and what to do about it, as {@code WindowsErrors} does for Windows.
 */
final class UnixErrors {

	private static final String RESERVED_PORTS_COMMAND = "sudo sysctl -w net.ipv4.ip_local_reserved_ports=";

	private UnixErrors() {
	}

	/** Another reservation's lock, or a socket, holds a port of {@code block}. */
	static PortReservationException inUse(PortBlock block, HeldBlock.PortBusy busy, Path lockFile) {
		if (busy.locked()) {
			return lockedByAnotherReservation(block, lockFile);
		}
		if (BindPrivilege.lacking(busy.port())) {
			return accessDenied(block.protocol(), busy.port(), busy.bindFailure());
		}
		Optional<TimeWait.Connections> closed = (block.protocol() == Protocol.TCP) ? TimeWait.only(busy.port())
				: Optional.empty();
		if (closed.isPresent()) {
			return new PortsInUseException(
					"Port " + busy.port() + " of the " + block + " is held by " + closed.get()
							+ ", left by a socket that did not set SO_REUSEPORT, which only the kernel "
							+ "can drop: try again then, or choose another block, or startPort 0 for any free block",
					busy.port(), -1, busy.bindFailure());
		}
		Optional<PortOwners.Owner> owner = PortOwners.ofPort(block.protocol(), busy.port());
		return new PortsInUseException(
				"Port " + busy.port() + " of the " + block + " is in use by " + owner.map(Object::toString)
					.orElse("another socket, whose owner /proc does not show (it lists other "
							+ "users' sockets only to root, and no TCP socket that is bound but neither listens nor "
							+ "connects, such as another process's reservation)")
						+ ": choose another block, or startPort 0 for any free block",
				busy.port(), owner.map(PortOwners.Owner::pid).orElse(-1L), busy.bindFailure());
	}

	private static PortsInUseException lockedByAnotherReservation(PortBlock block, Path lockFile) {
		Optional<PortOwners.LockedByte> locked = PortOwners.ofLock(lockFile, block.startPort(), block.endPort());
		if (locked.isPresent()) {
			int port = (int) locked.get().position();
			PortOwners.Owner owner = locked.get().owner();
			String holder = (owner.pid() == ProcessHandle.current().pid()) ? "another reservation of this process"
					: owner + " through portreservation";
			return new PortsInUseException("Port " + port + " of the " + block + " is reserved by " + holder
					+ ": choose another block, or startPort 0 for any free block", port, owner.pid(), null);
		}
		return new PortsInUseException("The " + block + " overlaps a block reserved through portreservation "
				+ "(lock file " + lockFile + "): choose another block, or startPort 0 for any free block",
				block.startPort(), -1, null);
	}

	/** Binding {@code port} needs a privilege this process lacks. */
	static ReservationAccessDeniedException accessDenied(Protocol protocol, int port, @Nullable IOException cause) {
		return new ReservationAccessDeniedException("Binding " + protocol.label() + " port " + port + " needs root or "
				+ "CAP_NET_BIND_SERVICE (ports below net.ipv4.ip_unprivileged_port_start, 1024 by default, are "
				+ "privileged): an administrator can run 'sudo setcap cap_net_bind_service=+ep <path of java>' or "
				+ "'sudo sysctl -w net.ipv4.ip_unprivileged_port_start=" + port + "', or choose a port from 1024 up",
				cause);
	}

	/** No block of {@code request}'s size was free anywhere the search looked. */
	static NoFreeBlockException noFreeBlock(PortBlock request, int low, int high, int[] ephemeral) {
		return new NoFreeBlockException("No free block of " + request.numberOfPorts() + " contiguous "
				+ request.protocol().label() + " ports between " + low + " and " + high + " (looked outside the "
				+ "ephemeral range " + ephemeral[0] + "-" + ephemeral[1] + " first, then inside it, skipping "
				+ "ip_local_reserved_ports): ask for fewer ports, or free some");
	}

	/** Holding {@code block} failed for a reason other than a busy port. */
	static PortReservationException holdFailed(PortBlock block, IOException cause) {
		Optional<FileDescriptors.Usage> descriptors = FileDescriptors.exceededBy(block.numberOfPorts());
		if (descriptors.isPresent()) {
			return new PortReservationException("Could not hold the " + block + ": a block costs one file descriptor "
					+ "per port, and " + block.numberOfPorts() + " ports with the " + descriptors.get().open()
					+ " descriptors this process has open exceed its limit (RLIMIT_NOFILE) of "
					+ descriptors.get().limit() + ": raise it ('ulimit -n', LimitNOFILE= in a systemd unit), or "
					+ "reserve fewer ports (" + cause + ")", cause);
		}
		return new PortReservationException("Could not hold the " + block + ": " + cause, cause);
	}

	/** A persistent block overlaps {@code port} of {@code ip_local_reserved_ports}. */
	static PortsInUseException alreadyReserved(PortBlock block, int port, BitSet reserved) {
		return new PortsInUseException("Port " + port + " of the block " + block.startPort() + "-" + block.endPort()
				+ " is already in net.ipv4.ip_local_reserved_ports (" + KernelPorts.format(reserved)
				+ "), which Linux shares between TCP and UDP: delete the overlapping persistent reservation first, or "
				+ "choose another block", port, -1, null);
	}

	/** No entry of {@code ip_local_reserved_ports} covers {@code block}. */
	static ReservationNotFoundException notFound(PortBlock block, BitSet reserved) {
		return new ReservationNotFoundException("No persistent reservation covers " + block.startPort() + "-"
				+ block.endPort() + ": net.ipv4.ip_local_reserved_ports is '" + KernelPorts.format(reserved)
				+ "' (see it with 'sysctl net.ipv4.ip_local_reserved_ports')");
	}

	/** This system has no {@code ip_local_reserved_ports}. */
	static UnsupportedPlatformException noReservedPorts() {
		return new UnsupportedPlatformException(
				"Persistent reservations need Linux's " + "net.ipv4.ip_local_reserved_ports, which this system ("
						+ System.getProperty("os.name") + ") lacks: use runtime reservations (acquire) here");
	}

	/** Writing {@code ip_local_reserved_ports} was denied. */
	static ReservationAccessDeniedException writeDenied(String value, IOException cause) {
		return new ReservationAccessDeniedException("Writing net.ipv4.ip_local_reserved_ports needs root or "
				+ "CAP_NET_ADMIN; an administrator can run: " + RESERVED_PORTS_COMMAND + shellValue(value), cause);
	}

	/** {@code /proc/sys} is read-only here. */
	static ReservationAccessDeniedException readOnly(String value, String reason, IOException cause) {
		return new ReservationAccessDeniedException("Could not write net.ipv4.ip_local_reserved_ports (" + reason
				+ "): /proc/sys is read-only here, as in most containers; an administrator of the host or network "
				+ "namespace can run: " + RESERVED_PORTS_COMMAND + shellValue(value), cause);
	}

	private static String shellValue(String value) {
		return value.isEmpty() ? "''" : value;
	}

	/** The lock directory is not this user's alone, so no lock file is kept there. */
	static String lockDirectoryUnused(Path directory, String reason) {
		return "Not using the lock directory " + directory + " for portreservation's cross-process locks: " + reason
				+ ". " + withoutLocks() + "Remove it, or choose a directory that only this user can write with -D"
				+ UnixPortReservations.LOCK_DIRECTORY_PROPERTY + "=<directory>";
	}

	/** A lock file in a safe directory could not be opened or locked. */
	static String lockFileUnused(Path file, Exception cause) {
		return "Not using the lock file " + file + " for portreservation's cross-process locks: it could not be "
				+ "opened or locked (" + cause + "; a symbolic link is never followed). " + withoutLocks() + "Remove "
				+ "it, or choose a directory that only this user can write with -D"
				+ UnixPortReservations.LOCK_DIRECTORY_PROPERTY + "=<directory>";
	}

	private static String withoutLocks() {
		return "Blocks are still kept apart by their sockets, but a block another process holds is then reported "
				+ "as in use by a socket, without naming that process. ";
	}

	/**
	 * No directory that only this user can write holds the lock that serialises writes of
	 * {@code ip_local_reserved_ports}.
	 */
	static String reservedPortsUnlocked(String reasons) {
		return "Changing net.ipv4.ip_local_reserved_ports without a lock shared with other processes: " + reasons
				+ ". Each change is still checked by reading the list back, but another process that rewrites the "
				+ "list at the same moment can undo it later; run as root, where " + ReservedPortsLock.SYSTEM_DIRECTORY
				+ " holds the lock";
	}

	/** Another process held the lock on {@code ip_local_reserved_ports} too long. */
	static PortReservationException reservedPortsLockTimeout(Path file, long millis,
			Optional<PortOwners.LockedByte> holder) {
		return new PortReservationException("Could not change net.ipv4.ip_local_reserved_ports: "
				+ holder.map((locked) -> locked.owner().toString()).orElse("another process") + " has held the lock "
				+ file + " that serialises its changes for more than " + millis + " ms; try again once it ends");
	}

	/**
	 * {@code ip_local_reserved_ports} did not keep a change: another process rewrote the
	 * list at the same moment.
	 */
	static PortReservationException reservedPortsChangeLost(PortBlock block, boolean create, int attempts,
			BitSet reserved) {
		return new PortReservationException(
				"net.ipv4.ip_local_reserved_ports did not keep " + (create ? "the " + "new" : "the deletion of the")
						+ " persistent reservation " + block.startPort() + "-" + block.endPort() + " after " + attempts
						+ " writes: another process rewrites the list at the same "
						+ "time (sysctl, or a process without the lock in " + ReservedPortsLock.SYSTEM_DIRECTORY
						+ "); the list is now '" + KernelPorts.format(reserved) + "'");
	}

}
