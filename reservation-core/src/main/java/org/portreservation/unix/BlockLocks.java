package org.portreservation.unix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.portreservation.PortBlock;
import org.portreservation.PortReservationException;
import org.portreservation.Protocol;

/**
 * Keeps two processes using this library from holding overlapping blocks: a block is a
 * byte-range lock on a file per protocol, byte {@code n} standing for port {@code n}. The
 * kernel drops the locks when the process dies.
 * <p>
 * POSIX drops all of a process's locks on a file when any of its descriptors of that file
 * closes, so each file is opened once per JVM and closed only when the JVM holds no lock
 * on it.
 */
final class BlockLocks {

	/** Open lock files of this JVM, by path, with their number of held locks. */
	private static final Map<Path, SharedFile> FILES = new HashMap<>();

	private final Path directory;

	BlockLocks(Path directory) {
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
	}

	Path file(Protocol protocol) {
		return this.directory.resolve(protocol.label() + ".lock");
	}

	/**
	 * Locks the ports of {@code block}, or returns {@code null} if another process or
	 * another reservation of this JVM holds any of them.
	 */
	@Nullable BlockLock tryLock(PortBlock block) {
		Path path = file(block.protocol());
		synchronized (FILES) {
			SharedFile shared = FILES.get(path);
			if (shared == null) {
				shared = new SharedFile(open(path));
			}
			@Nullable FileLock lock;
			try {
				lock = shared.channel.tryLock(block.startPort(), block.numberOfPorts(), false);
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			catch (IOException ex) {
				lock = null;
				closeIfUnused(path, shared);
				throw new PortReservationException(
						"Could not lock the " + block + " in " + path + ": " + ex.getMessage(), ex);
			}
			if (lock == null) {
				closeIfUnused(path, shared);
				return null;
			}
			shared.locks++;
			FILES.put(path, shared);
			return new BlockLock(path, lock);
		}
	}

	private static void closeIfUnused(Path path, SharedFile shared) {
		if (shared.locks == 0) {
			FILES.remove(path);
			try {
				shared.channel.close();
			}
			catch (IOException ex) {
				// Nothing is locked through it, so nothing is lost.
			}
		}
	}

	private FileChannel open(Path path) {
		try {
			if (!Files.isDirectory(this.directory)) {
				Files.createDirectories(this.directory);
				trySetOwnerOnly(this.directory);
			}
			return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new PortReservationException("Could not open the lock file " + path + " that keeps processes "
					+ "using portreservation apart: " + ex + "; make the directory writable, or choose another one "
					+ "with -D" + UnixPortReservations.LOCK_DIRECTORY_PROPERTY + "=<directory>", ex);
		}
	}

	private static void trySetOwnerOnly(Path directory) {
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			// The directory still works; it is only less private.
		}
	}

	/** One JVM-wide open lock file. */
	private static final class SharedFile {

		private final FileChannel channel;

		private int locks;

		SharedFile(FileChannel channel) {
			this.channel = channel;
		}

	}

	/** A held byte-range lock standing for a block. */
	static final class BlockLock {

		private final Path path;

		private @Nullable FileLock lock;

		BlockLock(Path path, FileLock lock) {
			this.path = path;
			this.lock = lock;
		}

		/**
		 * Releases the lock, and closes the file when this JVM holds no other lock on it.
		 * Idempotent.
		 */
		void release() {
			synchronized (FILES) {
				if (this.lock == null) {
					return;
				}
				SharedFile shared = FILES.get(this.path);
				try {
					this.lock.release();
				}
				catch (IOException ex) {
					// The channel is closed below anyway when it was the last lock.
				}
				this.lock = null;
				shared.locks--;
				closeIfUnused(this.path, shared);
			}
		}

	}

}
