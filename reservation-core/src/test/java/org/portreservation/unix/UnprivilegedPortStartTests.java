package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hardened containers raise {@code net.ipv4.ip_unprivileged_port_start} above 1024: a
 * process without {@code CAP_NET_BIND_SERVICE} is then offered only ports it may bind.
 */
@EnabledOnOs(OS.LINUX)
class UnprivilegedPortStartTests {

	private static final int NOBODY = 65534;

	private static final int RAISED = 20000;

	private String original;

	@BeforeEach
	void raiseTheUnprivilegedPortStart() throws IOException {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv() && Files.isWritable(BindPrivilege.UNPRIVILEGED_PORT_START),
				"skipped: needs root, a writable " + BindPrivilege.UNPRIVILEGED_PORT_START
						+ " and setpriv to run a JVM as nobody");
		this.original = KernelPorts.read(BindPrivilege.UNPRIVILEGED_PORT_START).trim();
	}

	@AfterEach
	void restoreTheUnprivilegedPortStart() throws IOException {
		if (this.original != null) {
			Files.writeString(BindPrivilege.UNPRIVILEGED_PORT_START, this.original);
			assertThat(KernelPorts.read(BindPrivilege.UNPRIVILEGED_PORT_START).trim()).isEqualTo(this.original);
		}
	}

	@Test
	void wildcardBlocksOfAnUnprivilegedProcessStartAtTheUnprivilegedPortStart() throws IOException {
		List<String> lines = new ArrayList<>();
		// Raised only while the process runs: other tests on this machine may share the
		// setting.
		Files.writeString(BindPrivilege.UNPRIVILEGED_PORT_START, Integer.toString(RAISED));
		try (JavaProcess unprivileged = Intruder.acquireRepeatedly(Protocol.TCP, 100, 1).startAs(NOBODY)) {
			for (String line = unprivileged.readLine(); !line.equals("done"); line = unprivileged.readLine()) {
				lines.add(line);
			}
			assertThat(unprivileged.waitFor()).isZero();
		}
		finally {
			Files.writeString(BindPrivilege.UNPRIVILEGED_PORT_START, this.original);
		}
		assertThat(lines).hasSize(100);
		assertThat(lines).as("refused acquires").noneMatch((line) -> line.startsWith("refused "));
		assertThat(lines).extracting((line) -> Integer.parseInt(line.split(" ")[1])).allMatch((port) -> port >= RAISED);
	}

	@Test
	void noFreeBlockNamesTheUnprivilegedPortStartAsTheLowerBound() throws IOException {
		int size = 65535 - RAISED + 2;
		Files.writeString(BindPrivilege.UNPRIVILEGED_PORT_START, Integer.toString(RAISED));
		try (JavaProcess unprivileged = Intruder.acquireRepeatedly(Protocol.TCP, 1, size).startAs(NOBODY)) {
			assertThat(unprivileged.readLine()).startsWith("refused NoFreeBlockException No free block of " + size
					+ " contiguous tcp ports between " + RAISED + " and 65535");
			assertThat(unprivileged.readLine()).isEqualTo("done");
		}
		finally {
			Files.writeString(BindPrivilege.UNPRIVILEGED_PORT_START, this.original);
		}
	}

}
