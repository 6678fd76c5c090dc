package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Another user prepares the default lock directory in the shared temporary directory
 * before the victim's first acquire, as an attacker on the same machine can. Every
 * process here is a real one: the victim resolves its default lock directory in a
 * temporary directory of the test's own (mode 1777, as {@code /tmp}), the attacker runs
 * as {@code nobody}.
 */
@EnabledOnOs(OS.LINUX)
class LockDirectoryAttackTests {

	private static final int ROOT = 0;

	private static final int NOBODY = 65534;

	/** Only root can read or write here. */
	@TempDir
	Path rootOnly;

	/** Shared by every user, as {@code /tmp} is. */
	private Path sharedTemporary;

	@BeforeEach
	void createASharedTemporaryDirectory() throws IOException {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv(),
				"skipped: needs root and setpriv to run the attacker as nobody and the victim as root");
		this.sharedTemporary = Files.createTempDirectory("portreservation-shared-tmp");
		Files.setPosixFilePermissions(this.sharedTemporary, PosixFilePermissions.fromString("rwxrwxrwx"));
		Files.setAttribute(this.sharedTemporary, "unix:mode", 01777);
	}

	@AfterEach
	void deleteTheSharedTemporaryDirectory() throws IOException {
		if (this.sharedTemporary != null) {
			try (Stream<Path> paths = Files.walk(this.sharedTemporary)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	/** (a) A root victim must not create a file where the attacker's link points. */
	@Test
	void aLinkPlantedInTheDefaultDirectoryMakesRootCreateNothing() throws IOException {
		Path target = this.rootOnly.resolve("created-by-root");
		try (JavaProcess victim = Intruder.acquireWithTemporaryDirectory(this.sharedTemporary, Protocol.TCP, 1, 0)
			.startAs(ROOT)) {
			Path directory = Path.of(victim.readLineStartingWith("directory "));
			try (JavaProcess attacker = Intruder.squatWithLink(directory, target).startAs(NOBODY)) {
				assertThat(attacker.readLine()).isEqualTo("ready");
				victim.send("go");
				assertThat(victim.readLine()).startsWith("block ");
				assertThat(victim.readLine()).isEqualTo("ready");
				assertThat(target).as("a file the root victim created through the attacker's link").doesNotExist();
			}
			assertOneWarningAbout(victim, directory);
		}
	}

	/**
	 * (b) A directory another user created first, which the victim cannot write, must not
	 * make its acquires fail.
	 */
	@Test
	void aDirectoryAnotherUserCreatedFirstDoesNotMakeAcquiresFail() throws IOException {
		try (JavaProcess victim = Intruder.acquireWithTemporaryDirectory(this.sharedTemporary, Protocol.TCP, 2, 0, 0)
			.startAs(NOBODY)) {
			Path directory = Path.of(victim.readLineStartingWith("directory "));
			// The attacker here is root, which this test runs as: any user but the victim
			// would do.
			Files.createDirectory(directory);
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			victim.send("go");
			assertThat(victim.readLine()).startsWith("block ");
			assertThat(victim.readLine()).startsWith("block ");
			assertThat(victim.readLine()).isEqualTo("ready");
			assertOneWarningAbout(victim, directory);
		}
	}

	/**
	 * (c) A lock file another user created and locks whole must not keep the victim from
	 * any block, wildcard or explicit.
	 */
	@Test
	void aLockFileAnotherUserLocksWholeDoesNotKeepTheVictimFromAnyBlock() throws IOException {
		int explicit = FreeBlocks.start(Protocol.TCP, 2);
		try (JavaProcess victim = Intruder
			.acquireWithTemporaryDirectory(this.sharedTemporary, Protocol.TCP, 2, 0, explicit)
			.startAs(ROOT)) {
			Path directory = Path.of(victim.readLineStartingWith("directory "));
			try (JavaProcess attacker = Intruder.squatWithLockedFile(directory).startAs(NOBODY)) {
				assertThat(attacker.readLine()).isEqualTo("ready");
				victim.send("go");
				assertThat(victim.readLine()).as("the wildcard acquire").startsWith("block ");
				assertThat(victim.readLine()).as("the explicit acquire")
					.isEqualTo("block " + explicit + " " + (explicit + 1));
				assertThat(victim.readLine()).isEqualTo("ready");
			}
			assertOneWarningAbout(victim, directory);
		}
	}

	/**
	 * (c) With the directory the victim made for itself, another user cannot open its
	 * lock file at all, so it cannot lock any of it either.
	 */
	@Test
	void anotherUserCannotOpenTheLockFileOfADirectoryTheVictimMade() throws IOException {
		try (JavaProcess victim = Intruder.acquireWithTemporaryDirectory(this.sharedTemporary, Protocol.TCP, 2, 0)
			.startAs(ROOT)) {
			Path directory = Path.of(victim.readLineStartingWith("directory "));
			victim.send("go");
			assertThat(victim.readLine()).startsWith("block ");
			assertThat(victim.readLine()).isEqualTo("ready");
			Path lockFile = directory.resolve("tcp.lock");
			assertThat(lockFile).isRegularFile();
			assertThat(Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(ROOT);
			assertThat(Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS))
				.isEqualTo(PosixFilePermissions.fromString("rwx------"));
			try (JavaProcess attacker = Intruder.openLockFile(lockFile).startAs(NOBODY)) {
				assertThat(Arrays.asList(attacker.readLine(), attacker.readLine(), attacker.readLine()))
					.containsExactly("write-and-lock denied AccessDeniedException",
							"read-and-lock-shared denied AccessDeniedException",
							"create-beside denied AccessDeniedException");
			}
			victim.send("exit");
			assertThat(victim.waitFor()).isZero();
			assertThat(victim.errors()).doesNotContain("WARNING");
		}
	}

	private static void assertOneWarningAbout(JavaProcess victim, Path directory) {
		victim.send("exit");
		assertThat(victim.waitFor()).isZero();
		// java.util.logging's console format: a line with the time and source, then
		// "WARNING: <message>".
		assertThat(victim.errors().lines().filter((line) -> line.startsWith("WARNING:")))
			.as("the victim's warnings, in its stderr:%n%s", victim.errors())
			.singleElement()
			.asString()
			.contains(directory.toString());
	}

}
