package org.portreservation.boot.autoconfigure.tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.portreservation.BindProbe;
import org.portreservation.FreeBlocks;
import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.Ports;
import org.portreservation.boot.autoconfigure.SelfSignedKeyStore;
import org.portreservation.boot.autoconfigure.Startups;
import org.portreservation.boot.testapp.TestApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Full start-ups of the embedded Tomcat bound from a block, with real sockets and another
 * process.
 */
@ExtendWith(OutputCaptureExtension.class)
class TomcatPortReservationStartupTests {

	private final Startups startups = new Startups();

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void servletServerBindsInsideTheBlockAndKeepsTheOtherPortsFromOtherProcesses() throws Exception {
		List<Integer> block;
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.number-of-ports=4", "portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			block = Ports.range(web.startPort(), web.numberOfPorts());
			int port = this.startups.reportedPort("");
			assertThat(block).contains(port);
			assertThat(context.getEnvironment().getProperty("local.server.port", Integer.class)).isEqualTo(port);
			assertThat(web.portsInUse()).containsExactly(port);
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/hello")).isEqualTo("hello");
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, block)).isEmpty();
		}
		assertThat(BindProbe.bindable(Protocol.TCP, block)).isEqualTo(block);
	}

	@Test
	void reactiveServerBindsInsideTheBlock() throws Exception {
		List<Integer> block;
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.REACTIVE,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web", "server.port=0")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			block = Ports.range(web.startPort(), web.numberOfPorts());
			int port = this.startups.reportedPort("");
			assertThat(block).contains(port);
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/hello")).isEqualTo("hello");
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, block)).isEmpty();
		}
		assertThat(BindProbe.bindable(Protocol.TCP, block)).isEqualTo(block);
	}

	@Test
	void whenDisabledTheServerIgnoresItsBlockAndNothingIsReserved() throws Exception {
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.enabled=false", "portreservation.blocks.web.number-of-ports=4",
				"portreservation.server.block=web", "server.port=0")) {
			assertThat(context.getBeanNamesForType(PortReservationTemplate.class)).isEmpty();
			int port = this.startups.reportedPort("");
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/hello")).isEqualTo("hello");
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void contextRestartedOnAFixedBlockBindsTheSamePortAtOnce() throws Exception {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		String[] properties = { "portreservation.blocks.web.start-port=" + start,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web",
				"server.port=" + start, "server.address=127.0.0.1" };
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET, properties)) {
			// The client keeps its connection alive, so Tomcat closes it first when it
			// stops.
			assertThat(Startups.get(this.client, "http://127.0.0.1:" + start + "/hello")).isEqualTo("hello");
		}
		assertThat(timeWaitEntries(start)).as("closed connections of the first run in TIME_WAIT").isPositive();
		try (ConfigurableApplicationContext restarted = this.startups.run(WebApplicationType.SERVLET, properties)) {
			assertThat(this.startups.reportedPort("")).isEqualTo(start);
			assertThat(Startups.get(HttpClient.newHttpClient(), "http://127.0.0.1:" + start + "/hello"))
				.isEqualTo("hello");
		}
	}

	/** Entries of /proc/net/tcp and tcp6 on the port in state 06, TIME_WAIT. */
	private static long timeWaitEntries(int port) throws IOException {
		String local = String.format(":%04X ", port);
		long count = 0;
		for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			try (InputStream in = Files.newInputStream(Path.of(table))) {
				count += new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
					.map((line) -> line.trim().split("\\s+"))
					.filter((fields) -> fields.length > 3 && (fields[1] + " ").endsWith(local)
							&& "06".equals(fields[3]))
					.count();
			}
		}
		return count;
	}

	@Test
	void serverPortInsideTheBlockIsBoundExactly() throws Exception {
		int start = FreeBlocks.start(Protocol.TCP, 3);
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.start-port=" + start, "portreservation.blocks.web.number-of-ports=3",
				"portreservation.server.block=web", "server.port=" + (start + 2), "server.address=127.0.0.1")) {
			assertThat(this.startups.reportedPort("")).isEqualTo(start + 2);
			assertThat(Startups.get(this.client, "http://127.0.0.1:" + (start + 2) + "/hello")).isEqualTo("hello");
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(start, 3))).isEmpty();
		}
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(start, 3))).hasSize(3);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void serverAddressIsHonoured() throws Exception {
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web",
				"server.address=127.0.0.1")) {
			int port = this.startups.reportedPort("");
			assertThat(Startups.get(this.client, "http://127.0.0.1:" + port + "/hello")).isEqualTo("hello");
			// Linux routes all of 127/8 to loopback: only a wildcard listener would
			// accept on 127.0.0.2.
			assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.2", port).close());
		}
	}

	@Test
	void twoContextsInOneJvmBindFromTheirOwnBlocks() throws Exception {
		Startups other = new Startups();
		try (ConfigurableApplicationContext first = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web");
				ConfigurableApplicationContext second = other.run(WebApplicationType.SERVLET,
						"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web")) {
			PortReservation firstBlock = first.getBean(PortReservationTemplate.class).getReservation("web");
			PortReservation secondBlock = second.getBean(PortReservationTemplate.class).getReservation("web");
			assertThat(firstBlock.contains(this.startups.reportedPort(""))).isTrue();
			assertThat(secondBlock.contains(other.reportedPort(""))).isTrue();
			assertThat(firstBlock.contains(secondBlock.startPort())).isFalse();
			assertThat(secondBlock.contains(firstBlock.startPort())).isFalse();
		}
	}

	@Test
	void serverPortOutsideTheBlockFailsNamingBothAndReservesNothing(CapturedOutput output) {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		assertThatException().isThrownBy(() -> this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.start-port=" + start, "portreservation.blocks.web.number-of-ports=2",
				"portreservation.server.block=web", "server.port=" + (start + 2)));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + (start + 2) + "' for configuration property 'server.port'")
			.contains("Port " + (start + 2) + " is outside the block 'web' (tcp block " + start + "-" + (start + 1)
					+ ") that portreservation.server.block binds the server from");
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(start, 2))).hasSize(2);
	}

	@Test
	void serverSpeaksHttpsWhenBoundFromTheBlock(@TempDir Path directory) throws Exception {
		Path keyStore = SelfSignedKeyStore.create(directory);
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web",
				"server.ssl.key-store=" + keyStore.toUri(), "server.ssl.key-store-password=secret",
				"server.ssl.key-store-type=PKCS12")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = this.startups.reportedPort("");
			assertThat(web.contains(port)).isTrue();
			HttpClient https = HttpClient.newBuilder().sslContext(SelfSignedKeyStore.trustingEveryone()).build();
			assertThat(Startups.get(https, "https://localhost:" + port + "/hello")).isEqualTo("hello");
		}
	}

	@Test
	void gracefulShutdownFinishesRequestsAndReturnsThePortToTheBlock() throws Exception {
		TestApplication.slowRequestArrived = new CountDownLatch(1);
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web",
				"server.shutdown=graceful")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = this.startups.reportedPort("");
			CompletableFuture<HttpResponse<String>> slow = this.client.sendAsync(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(TestApplication.slowRequestArrived.await(10, TimeUnit.SECONDS)).isTrue();
			context.stop();
			assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow");
			assertThat(web.portsInUse()).isEmpty();
			assertThat(web.freePorts()).contains(port);
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 2))).isEmpty();
		}
	}

	@Test
	void managementServerOnItsOwnPortBindsFromItsBlock() throws Exception {
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.blocks.management.number-of-ports=2",
				"portreservation.server.block=web", "portreservation.management.block=management",
				"management.server.port=0", "management.endpoints.web.exposure.include=health")) {
			PortReservationTemplate template = context.getBean(PortReservationTemplate.class);
			int port = this.startups.reportedPort("");
			Integer managementPort = this.startups.reportedPort("management");
			assertThat(template.getReservation("web").contains(port)).isTrue();
			assertThat(managementPort).isNotNull();
			assertThat(template.getReservation("management").contains(managementPort)).isTrue();
			assertThat(Startups.get(this.client, "http://localhost:" + managementPort + "/actuator/health"))
				.contains("UP");
		}
	}

	@Test
	void blockLeftOutWithoutFailFastLetsTheServerBindAsUsual(CapturedOutput output) throws Exception {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		try (ServerSocket taken = new ServerSocket(start + 1);
				ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
						"portreservation.fail-fast=false", "portreservation.blocks.web.start-port=" + start,
						"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web",
						"server.port=0")) {
			assertThat(context.getBean(PortReservationTemplate.class).getReservations()).isEmpty();
			assertThat(output)
				.contains("Left out the block 'web' (tcp block " + start + "-" + (start + 1)
						+ ") because portreservation.fail-fast is false")
				.contains("portreservation.server.block names the block 'web', which was not reserved");
			int port = this.startups.reportedPort("");
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/hello")).isEqualTo("hello");
		}
	}

}
