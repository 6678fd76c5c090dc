package org.portreservation.unix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.portreservation.PortBlock;
import org.portreservation.Protocol;

/**
 * Keeps two processes using this library from holding overlapping blocks: a block is a
 * byte-range lock on a file per protocol, byte {@code n} standing for port {@code n}. The
 * kernel drops the locks when the process dies.
 * <p>
 * POSIX drops all of a process's locks on a file when any of its descriptors of that file
 * closes, so each file is opened once per JVM and closed only when the JVM holds no lock
 * on it.
 * <p>
 * The lock is a convenience, not the guard: placeholders bind before they allow
 * {@code SO_REUSEPORT}, so two processes never hold overlapping blocks even without it.
 * It lets a conflict name the process holding the block. So where the directory is not
 * this user's alone ({@link LockDirectory}), or its lock file cannot be opened or locked,
 * blocks are held without the lock, after one warning: an acquire never fails because of
 * the lock directory, and never follows a link in it.
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
	 * another reservation of this JVM holds any of them. Where the lock file cannot be
	 * used, the returned lock holds nothing.
	 */
	@Nullable BlockLock tryLock(PortBlock block) {
		Path path = file(block.protocol());
		synchronized (FILES) {
			SharedFile shared = FILES.get(path);
			if (shared == null) {
				FileChannel channel = open(path);
				if (channel == null) {
					return new BlockLock(path, null);
				}
				shared = new SharedFile(channel);
			}
			@Nullable FileLock lock;
			try {
				lock = shared.channel.tryLock(block.startPort(), block.numberOfPorts(), false);
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			catch (IOException ex) {
				// Such as ENOLCK on a network file system.
				closeIfUnused(path, shared);
				LockDirectory.warnOnce(path, UnixErrors.lockFileUnused(path, ex));
				return new BlockLock(path, null);
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

	/**
	 * Opens the lock file, or returns {@code null}, after one warning, where the
	 * directory is not safe or the file cannot be opened.
	 */
	private @Nullable FileChannel open(Path path) {
		// An explicitly configured directory may lack its parents too.
		String unsafe = LockDirectory.prepare(this.directory, true);
		if (unsafe != null) {
			LockDirectory.warnOnce(this.directory, UnixErrors.lockDirectoryUnused(this.directory, unsafe));
			return null;
		}
		try {
			return LockDirectory.openLockFile(path);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Such as a link planted before the directory was this user's alone.
			LockDirectory.warnOnce(path, UnixErrors.lockFileUnused(path, ex));
			return null;
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

	/**
	 * A held byte-range lock standing for a block, or nothing where the lock file cannot
	 * be used.
	 */
	static final class BlockLock {

		private final Path path;

		private @Nullable FileLock lock;

		BlockLock(Path path, @Nullable FileLock lock) {
			this.path = path;
			this.lock = lock;
		}

		/**
		 * Whether this lock keeps other instances of this library off the block: not when
		 * no safe lock directory could be had.
		 * @return {@code true} while a byte-range lock is held
		 */
		boolean excludesOtherInstances() {
			synchronized (FILES) {
				return this.lock != null;
			}
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
