package org.portreservation.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.jspecify.annotations.Nullable;
import org.portreservation.FreeBlocks;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A persistent block configured in properties, against the real Linux backend: it writes
 * {@code net.ipv4.ip_local_reserved_ports}, so it runs only where that is writable and
 * restores the original list.
 */
@EnabledOnOs(OS.LINUX)
class PersistentBlockTests {

	private static final Path RESERVED_PORTS = Path.of("/proc/sys/net/ipv4/ip_local_reserved_ports");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class));

	private @Nullable String original;

	@BeforeEach
	void saveTheKernelList() throws IOException {
		assumeTrue(Files.isWritable(RESERVED_PORTS),
				"skipped: " + RESERVED_PORTS + " is not writable by this user (needs root or CAP_NET_ADMIN)");
		this.original = read();
	}

	@AfterEach
	void restoreTheKernelList() throws IOException {
		if (this.original != null) {
			Files.writeString(RESERVED_PORTS, this.original.isEmpty() ? "\n" : this.original);
		}
	}

	@Test
	void persistentBlockIsCreatedOnceKeptAfterCloseAndTakenOverByTheNextStart() throws IOException {
		int start = FreeBlocks.start(Protocol.TCP, 3);
		String[] properties = { "portreservation.blocks.fixed.start-port=" + start,
				"portreservation.blocks.fixed.number-of-ports=3", "portreservation.blocks.fixed.persistent=true" };
		this.runner.withPropertyValues(properties).run((context) -> {
			PortReservation fixed = context.getBean(PortReservationTemplate.class).getReservation("fixed");
			assertThat(fixed.persistent()).isTrue();
			assertThat(fixed.startPort()).isEqualTo(start);
			assertThat(read()).contains(start + "-" + (start + 2));
		});
		assertThat(read()).as("kept after the context closed").contains(start + "-" + (start + 2));
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasNotFailed();
			try (var channel = context.getBean(PortReservationTemplate.class).openServerSocketChannel("fixed")) {
				assertThat(((java.net.InetSocketAddress) channel.getLocalAddress()).getPort()).isBetween(start,
						start + 2);
			}
		});
		PortReservations.forCurrentPlatform().deletePersistent(Protocol.TCP, start, 3);
		assertThat(read()).doesNotContain(start + "-" + (start + 2));
	}

	private static String read() throws IOException {
		try (InputStream in = Files.newInputStream(RESERVED_PORTS)) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
		}
	}

}
