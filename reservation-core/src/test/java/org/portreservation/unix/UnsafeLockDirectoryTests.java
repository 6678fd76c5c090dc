package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.portreservation.PortReservation;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A lock directory, the default one or one configured explicitly, is used only when it is
 * a real directory that this user owns and nobody else may write; otherwise the backend
 * says so once and carries on without the cross-process lock, its sockets still keeping
 * blocks apart.
 */
@EnabledOnOs(OS.LINUX)
class UnsafeLockDirectoryTests {

	@TempDir
	Path temporary;

	private final Warnings warnings = new Warnings();

	@AfterEach
	void stopListening() {
		this.warnings.close();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "other-writable", "group-writable", "foreign-owned", "a-link-to-a-directory",
			"a-regular-file" })
	void unsafeDirectoryIsRefusedWithOneWarningAndAcquiresStillWork(String kind) throws IOException {
		Path directory = this.temporary.resolve("locks");
		Path linkTarget = this.temporary.resolve("link-target");
		switch (kind) {
			case "other-writable" -> createDirectory(directory, "rwxrwxrwx");
			case "group-writable" -> createDirectory(directory, "rwxrwx---");
			case "foreign-owned" -> {
				assumeTrue("root".equals(System.getProperty("user.name")),
						"skipped: giving a directory away needs root");
				createDirectory(directory, "rwx------");
				Files.setAttribute(directory, "unix:uid", 65534);
			}
			case "a-link-to-a-directory" -> {
				createDirectory(linkTarget, "rwx------");
				Files.createSymbolicLink(directory, linkTarget);
			}
			case "a-regular-file" -> Files.createFile(directory);
			default -> throw new IllegalArgumentException(kind);
		}
		UnixPortReservations reservations = new UnixPortReservations(directory);
		for (int i = 0; i < 3; i++) {
			for (Protocol protocol : Protocol.values()) {
				try (PortReservation block = reservations.acquire(protocol, 0, 2)) {
					assertThat(block.freePorts()).hasSize(2);
					assertThatThrownBy(() -> reservations.acquire(protocol, block.startPort(), 1))
						.as("the sockets still keep blocks apart")
						.isInstanceOf(PortsInUseException.class);
				}
			}
		}
		assertThat(this.warnings.about(directory)).singleElement()
			.asString()
			.contains("Not using the lock directory " + directory)
			.contains("-Dportreservation.lock-directory");
		// Files.exists, not doesNotExist: under a regular file the answer is ENOTDIR.
		assertThat(Files.exists(directory.resolve("tcp.lock"))).as("a lock file in it").isFalse();
		assertThat(Files.exists(directory.resolve("udp.lock"))).as("a lock file in it").isFalse();
		assertThat(Files.exists(linkTarget.resolve("tcp.lock"))).as("a lock file where the link points").isFalse();
	}

	@Test
	void lockFileThatIsALinkIsNotFollowed() throws IOException {
		Path directory = this.temporary.resolve("locks");
		createDirectory(directory, "rwx------");
		Path target = this.temporary.resolve("elsewhere");
		Files.createSymbolicLink(directory.resolve("tcp.lock"), target);
		UnixPortReservations reservations = new UnixPortReservations(directory);
		for (int i = 0; i < 3; i++) {
			try (PortReservation block = reservations.acquire(Protocol.TCP, 0, 1)) {
				assertThat(block.freePorts()).hasSize(1);
			}
		}
		assertThat(target).as("the file the link points to").doesNotExist();
		assertThat(this.warnings.about(directory)).singleElement().asString().contains("tcp.lock");
		try (PortReservation block = reservations.acquire(Protocol.UDP, 0, 1)) {
			assertThat(directory.resolve("udp.lock")).as("the other protocol's lock file is still used")
				.isRegularFile();
		}
	}

	@Test
	void missingDirectoryIsCreatedForThisUserAloneAndLocksBlocks() throws IOException {
		Path directory = this.temporary.resolve("not").resolve("yet").resolve("locks");
		UnixPortReservations reservations = new UnixPortReservations(directory);
		try (PortReservation block = reservations.acquire(Protocol.TCP, 0, 4)) {
			assertThatThrownBy(() -> reservations.acquire(Protocol.TCP, block.startPort() + 2, 4))
				.isInstanceOf(PortsInUseException.class)
				.hasMessageContaining("is reserved by another reservation of this process");
		}
		assertThat(Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(Files.getPosixFilePermissions(directory.resolve("tcp.lock"), LinkOption.NOFOLLOW_LINKS))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(this.warnings.all()).isEmpty();
	}

	private static void createDirectory(Path directory, String permissions) throws IOException {
		Files.createDirectory(directory);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
	}

	/** The warnings the backend logs, through System.Logger to java.util.logging. */
	static final class Warnings extends Handler {

		/** Held here: java.util.logging keeps its loggers only weakly. */
		private final Logger logger = Logger.getLogger("org.portreservation.unix.LockDirectory");

		private final List<String> messages = new CopyOnWriteArrayList<>();

		Warnings() {
			this.logger.addHandler(this);
		}

		List<String> all() {
			return List.copyOf(this.messages);
		}

		List<String> about(Path directory) {
			return this.messages.stream().filter((message) -> message.contains(directory.toString())).toList();
		}

		@Override
		public void publish(LogRecord record) {
			if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
				this.messages.add(record.getMessage());
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
			this.logger.removeHandler(this);
		}

	}

}
