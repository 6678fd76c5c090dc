package org.portreservation.unix;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.jna.platform.unix.LibC;
import org.jspecify.annotations.Nullable;

/**
 * Where this library's lock files may live: a directory that only this process's
 * effective user can write, so that no other user can plant a link in it, make it
 * unwritable or lock a file in it. A directory that another user created first, that is a
 * link, or that others may write is refused, as tmux and OpenSSH refuse theirs; the
 * caller then carries on without the lock (its sockets still keep blocks apart) after
 * {@link #warnOnce one warning}.
 */
final class LockDirectory {

	/**
	 * The name of the directory, and the prefix of its name in the temporary directory.
	 */
	static final String NAME = "portreservation";

	/** What was warned about in this JVM: each directory or file once. */
	private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

	private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIRECTORY = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	/** Opened for locking, never through a link: O_CREAT | O_RDWR | O_NOFOLLOW. */
	private static final Set<OpenOption> LOCK_FILE_OPTIONS = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

	/** What {@link #unsafeReason} says of a directory that does not exist. */
	private static final String MISSING = "it does not exist";

	/** Write permission for the group and for others, {@code S_IWGRP | S_IWOTH}. */
	private static final int WRITABLE_BY_OTHERS = 0022;

	private LockDirectory() {
	}

	/**
	 * The default lock directory of this user: {@code portreservation} in
	 * {@code $XDG_RUNTIME_DIR} where that is this user's alone, else
	 * {@code portreservation-<effective uid>} in the temporary directory.
	 * @param runtimeDirectory the value of {@code XDG_RUNTIME_DIR}, if set
	 * @param temporaryDirectory the value of {@code java.io.tmpdir}
	 * @return the directory, not yet created or checked
	 */
	static Path defaultDirectory(@Nullable String runtimeDirectory, String temporaryDirectory) {
		if (runtimeDirectory != null && !runtimeDirectory.isBlank()) {
			Path runtime = Path.of(runtimeDirectory);
			// Set by the login session; after su or sudo it may still name another
			// user's.
			if (runtime.isAbsolute() && unsafeReason(runtime) == null) {
				return runtime.resolve(NAME);
			}
		}
		return inTemporaryDirectory(temporaryDirectory);
	}

	/**
	 * This user's directory in a temporary directory shared by every user, named after
	 * the effective uid: the user name can be the same for two uids, or change.
	 * @param temporaryDirectory such as {@code /tmp}
	 * @return {@code portreservation-<effective uid>} in it
	 */
	static Path inTemporaryDirectory(String temporaryDirectory) {
		int uid = effectiveUid();
		return Path.of(temporaryDirectory,
				NAME + "-" + ((uid >= 0) ? Integer.toString(uid) : System.getProperty("user.name")));
	}

	/**
	 * Creates the directory for this user alone if it is missing, and checks that it is
	 * safe to keep lock files in.
	 * @param directory the directory
	 * @param createParents whether to create missing parent directories too
	 * @return {@code null} if it is safe, else why not
	 */
	static @Nullable String prepare(Path directory, boolean createParents) {
		// Checked first, as it is there on every acquire but the first: a failed mkdir
		// costs more than the check.
		String unsafe = unsafeReason(directory);
		if (!MISSING.equals(unsafe)) {
			return unsafe;
		}
		try {
			createOwnerOnly(directory, createParents);
		}
		catch (FileAlreadyExistsException ex) {
			// Made since, perhaps by someone else: checked below. mkdir never follows
			// a link at the last component.
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "it could not be created (" + ex + ")";
		}
		return unsafeReason(directory);
	}

	private static void createOwnerOnly(Path directory, boolean createParents) throws IOException {
		try {
			Files.createDirectory(directory, OWNER_ONLY_DIRECTORY);
		}
		catch (NoSuchFileException ex) {
			Path parent = directory.toAbsolutePath().getParent();
			if (!createParents || parent == null || Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
				throw ex;
			}
			Files.createDirectories(parent);
			Files.createDirectory(directory, OWNER_ONLY_DIRECTORY);
		}
	}

	/**
	 * Why a directory is not safe to keep lock files in: it must be a real directory, not
	 * a link, owned by this process's effective user, and writable by nobody else.
	 * @param directory the directory
	 * @return {@code null} if it is safe, else why not
	 */
	static @Nullable String unsafeReason(Path directory) {
		Map<String, Object> attributes;
		try {
			// Not "unix:*": the owner's and group's names cost a user database lookup.
			attributes = Files.readAttributes(directory, "unix:isSymbolicLink,isDirectory,uid,mode",
					LinkOption.NOFOLLOW_LINKS);
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			return "this file system does not tell who owns it";
		}
		catch (NoSuchFileException ex) {
			return MISSING;
		}
		catch (IOException ex) {
			return "it could not be read (" + ex + ")";
		}
		if (Boolean.TRUE.equals(attributes.get("isSymbolicLink"))) {
			return "it is a symbolic link, not a directory";
		}
		if (!Boolean.TRUE.equals(attributes.get("isDirectory"))) {
			return "it is not a directory";
		}
		int uid = effectiveUid();
		int owner = ((Number) attributes.get("uid")).intValue();
		if (uid < 0) {
			return "this process's effective user id is unknown, so its owner cannot be checked";
		}
		if (owner != uid) {
			return "it belongs to user id " + owner + ", not to this process's effective user id " + uid
					+ ", so that user controls it";
		}
		int mode = ((Number) attributes.get("mode")).intValue();
		if ((mode & WRITABLE_BY_OTHERS) != 0) {
			return "other users may write it (its mode is " + String.format("%04o", mode & 07777)
					+ "; 'chmod go-w' fixes that)";
		}
		return null;
	}

	/**
	 * Opens, or creates for this user alone, a lock file in a directory that
	 * {@link #prepare} found safe, never through a link.
	 * @param file the lock file
	 * @return the channel, readable and writable
	 * @throws IOException if the file cannot be opened, for example because it is a link
	 */
	static FileChannel openLockFile(Path file) throws IOException {
		return FileChannel.open(file, LOCK_FILE_OPTIONS, OWNER_ONLY_FILE);
	}

	/**
	 * Logs, once per JVM for each {@code subject}, a warning that a lock is not used and
	 * why.
	 * @param subject the directory or file at fault, which the message names
	 * @param message the warning
	 */
	static void warnOnce(Path subject, String message) {
		if (WARNED.add(subject.toAbsolutePath())) {
			// Asked for here, not once per class: finding the logger costs
			// milliseconds of every start-up that has nothing to warn about.
			System.getLogger(LockDirectory.class.getName()).log(Level.WARNING, message);
		}
	}

	/**
	 * The effective user id: the one the kernel checks file access against, and the owner
	 * of the files this process creates.
	 * @return the uid, or -1 where neither the C library nor {@code /proc} tells
	 */
	static int effectiveUid() {
		return EffectiveUid.VALUE;
	}

	/** The effective uid, asked once: this library never changes it. */
	private static final class EffectiveUid {

		static final int VALUE = ask();

		private EffectiveUid() {
		}

		private static int ask() {
			// /proc first, on Linux: loading the C library through JNA for this one call
			// costs more than ten milliseconds of start-up.
			try {
				for (String line : KernelPorts.read(Path.of("/proc/self/status")).split("\n")) {
					if (line.startsWith("Uid:")) {
						// Real, effective, saved and file-system uid.
						return Integer.parseInt(line.substring("Uid:".length()).trim().split("\\s+")[1]);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// No /proc, as on macOS: the C library tells.
			}
			try {
				return LibC.INSTANCE.geteuid();
			}
			catch (LinkageError | RuntimeException ex) {
				// Unknown: no directory is then found safe.
				return -1;
			}
		}

	}

}
