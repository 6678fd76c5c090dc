package org.portreservation.unix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.portreservation.PortReservationException;

/**
 * Serialises changes of {@code net.ipv4.ip_local_reserved_ports} across processes. The
 * kernel keeps one list per network namespace and replaces it whole on every write, so
 * two processes that read, merge and write it at the same moment lose each other's
 * changes.
 * <p>
 * The lock is a file in a directory that only privileged users can create and that does
 * not depend on the caller's environment, so that every root process uses the same one:
 * {@value #SYSTEM_DIRECTORY_NAME}, as only root can write {@code /run}. A process that
 * cannot use it (such as one with {@code CAP_NET_ADMIN} but not root) uses its own
 * directory in the temporary directory, {@code portreservation-<effective uid>}, which
 * processes of the same user share. Where no such directory is safe
 * ({@link LockDirectory}), changes go ahead after one warning, serialised within this JVM
 * only; each change is still checked by reading the list back.
 */
final class ReservedPortsLock {

	private static final String SYSTEM_DIRECTORY_NAME = "/run/portreservation";

	/** Where root processes keep the lock: only root can create it. */
	static final Path SYSTEM_DIRECTORY = Path.of(SYSTEM_DIRECTORY_NAME);

	static final String FILE_NAME = "reserved-ports.lock";

	/** The lock of every backend of this JVM. */
	static final ReservedPortsLock SHARED = new ReservedPortsLock(
			() -> List.of(SYSTEM_DIRECTORY, LockDirectory.inTemporaryDirectory(System.getProperty("java.io.tmpdir"))));

	/**
	 * How long to wait for another process's change: a change takes a read and a write of
	 * a {@code /proc} file, so only a stopped process holds the lock this long.
	 */
	private static final long TIMEOUT_MILLIS = 10_000;

	/** Serialises this JVM's changes: a file lock is the whole process's. */
	private static final Object MONITOR = new Object();

	private final Supplier<List<Path>> directories;

	/**
	 * @param directories where the lock file may be, in order of preference
	 */
	ReservedPortsLock(Supplier<List<Path>> directories) {
		this.directories = directories;
	}

	/**
	 * Runs a change of {@code ip_local_reserved_ports} while no other process using this
	 * library changes it.
	 * @param <T> what the change returns
	 * @param change the read, merge and write
	 * @return what the change returned
	 */
	<T> T run(Supplier<T> change) {
		synchronized (MONITOR) {
			List<Path> candidates = this.directories.get();
			List<String> reasons = new ArrayList<>();
			for (Path directory : candidates) {
				String unsafe = LockDirectory.prepare(directory, false);
				if (unsafe != null) {
					reasons.add(directory + " cannot hold it: " + unsafe);
					continue;
				}
				Path file = directory.resolve(FILE_NAME);
				FileChannel channel;
				try {
					channel = LockDirectory.openLockFile(file);
				}
				catch (IOException | UnsupportedOperationException ex) {
					reasons.add(file + " could not be opened (" + ex + ")");
					continue;
				}
				try {
					FileLock lock = lock(channel, file, reasons);
					if (lock != null) {
						// Closing the channel releases the lock.
						return change.get();
					}
				}
				finally {
					close(channel);
				}
			}
			LockDirectory.warnOnce(candidates.get(0), UnixErrors.reservedPortsUnlocked(String.join("; ", reasons)));
			return change.get();
		}
	}

	/**
	 * Waits for the lock, or returns {@code null} where the file system cannot lock.
	 */
	private static @Nullable FileLock lock(FileChannel channel, Path file, List<String> reasons) {
		long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
		long pause = 1;
		while (true) {
			try {
				FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
				if (lock != null) {
					return lock;
				}
			}
			catch (IOException ex) {
				reasons.add(file + " could not be locked (" + ex + ")");
				return null;
			}
			if (System.nanoTime() > deadline) {
				throw UnixErrors.reservedPortsLockTimeout(file, TIMEOUT_MILLIS,
						PortOwners.ofLock(file, 0, Long.MAX_VALUE));
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PortReservationException("Interrupted while waiting for the lock " + file
						+ " that serialises changes of net.ipv4.ip_local_reserved_ports", ex);
			}
			pause = Math.min(pause * 2, 50);
		}
	}

	private static void close(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// The descriptor, and the lock with it, is released even when close
			// reports an error.
		}
	}

}
