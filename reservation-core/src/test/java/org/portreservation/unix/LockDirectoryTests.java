package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.sun.jna.platform.unix.LibC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which lock directory is the default, whose it must be, and where the lock on
 * {@code ip_local_reserved_ports} goes when no directory is safe.
 */
@EnabledOnOs(OS.LINUX)
class LockDirectoryTests {

	@TempDir
	Path temporary;

	private final UnsafeLockDirectoryTests.Warnings warnings = new UnsafeLockDirectoryTests.Warnings();

	@AfterEach
	void stopListening() {
		this.warnings.close();
	}

	@Test
	void effectiveUidIsTheOwnerOfTheFilesThisProcessCreates() throws IOException {
		Path file = Files.createFile(this.temporary.resolve("mine"));
		assertThat(LockDirectory.effectiveUid()).isEqualTo(Files.getAttribute(file, "unix:uid"))
			.isEqualTo(LibC.INSTANCE.geteuid());
	}

	@Test
	void defaultIsInTheRuntimeDirectoryWhenItIsThisUsersAlone() throws IOException {
		Path runtime = directory("runtime", "rwx------");
		assertThat(LockDirectory.defaultDirectory(runtime.toString(), "/tmp"))
			.isEqualTo(runtime.resolve("portreservation"));
	}

	@Test
	void defaultIsInTheTemporaryDirectoryNamedAfterTheEffectiveUidOtherwise() throws IOException {
		Path expected = Path.of("/tmp", "portreservation-" + LibC.INSTANCE.geteuid());
		assertThat(LockDirectory.defaultDirectory(null, "/tmp")).isEqualTo(expected);
		assertThat(LockDirectory.defaultDirectory(" ", "/tmp")).isEqualTo(expected);
		assertThat(LockDirectory.defaultDirectory("relative/runtime", "/tmp")).isEqualTo(expected);
		Path shared = directory("shared-runtime", "rwxrwxrwx");
		assertThat(LockDirectory.defaultDirectory(shared.toString(), "/tmp")).isEqualTo(expected);
		assertThat(LockDirectory.defaultDirectory(this.temporary.resolve("missing").toString(), "/tmp"))
			.isEqualTo(expected);
	}

	@Test
	void runtimeDirectoryOfAnotherUserIsNotUsed() throws IOException {
		assumeTrue("root".equals(System.getProperty("user.name")), "skipped: giving a directory away needs root");
		// As after 'su' without a login: XDG_RUNTIME_DIR still names the first user's.
		Path runtime = directory("runtime", "rwx------");
		Files.setAttribute(runtime, "unix:uid", 65534);
		assertThat(LockDirectory.defaultDirectory(runtime.toString(), "/tmp"))
			.isEqualTo(Path.of("/tmp", "portreservation-" + LibC.INSTANCE.geteuid()));
	}

	@Test
	void defaultLockDirectoryFollowsTheTemporaryDirectoryAndTheProperty() {
		String temporaryDirectory = System.getProperty("java.io.tmpdir");
		assumeTrue(System.getenv("XDG_RUNTIME_DIR") == null, "skipped: XDG_RUNTIME_DIR is set for the tests");
		assertThat(UnixPortReservations.defaultLockDirectory())
			.isEqualTo(Path.of(temporaryDirectory, "portreservation-" + LibC.INSTANCE.geteuid()));
		System.setProperty(UnixPortReservations.LOCK_DIRECTORY_PROPERTY, "/var/lib/locks");
		try {
			assertThat(UnixPortReservations.defaultLockDirectory()).isEqualTo(Path.of("/var/lib/locks"));
		}
		finally {
			System.clearProperty(UnixPortReservations.LOCK_DIRECTORY_PROPERTY);
		}
	}

	@Test
	void reservedPortsLockTakesTheFirstSafeDirectoryWithoutCreatingItsParents() throws IOException {
		Path unsafe = directory("unsafe", "rwxrwxrwx");
		Path orphan = this.temporary.resolve("no-parent").resolve("locks");
		Path safe = this.temporary.resolve("safe");
		ReservedPortsLock lock = new ReservedPortsLock(() -> List.of(unsafe, orphan, safe));
		assertThat(lock.run(() -> Files.exists(safe.resolve(ReservedPortsLock.FILE_NAME)))).isTrue();
		assertThat(orphan.getParent()).doesNotExist();
		assertThat(unsafe.resolve(ReservedPortsLock.FILE_NAME)).doesNotExist();
		assertThat(this.warnings.all()).isEmpty();
	}

	@Test
	void withoutASafeDirectoryTheReservedPortsChangeRunsAfterOneWarning() throws IOException {
		Path unsafe = directory("unsafe", "rwxrwxrwx");
		Path link = Files.createSymbolicLink(this.temporary.resolve("link"), directory("target", "rwx------"));
		ReservedPortsLock lock = new ReservedPortsLock(() -> List.of(unsafe, link));
		for (int i = 0; i < 3; i++) {
			assertThat(lock.run(() -> "changed")).isEqualTo("changed");
		}
		assertThat(this.warnings.about(unsafe)).singleElement()
			.asString()
			.startsWith("Changing net.ipv4.ip_local_reserved_ports without a lock shared with other processes: "
					+ unsafe + " cannot hold it: other users may write it")
			.contains(link + " cannot hold it: it is a symbolic link");
		assertThat(link.resolve(ReservedPortsLock.FILE_NAME)).doesNotExist();
	}

	private Path directory(String name, String permissions) throws IOException {
		Path directory = Files.createDirectory(this.temporary.resolve(name));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
		return directory;
	}

}
