package org.portreservation.boot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.portreservation.BindProbe;
import org.portreservation.FreeBlocks;
import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.testapp.TestApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What every embedded server bound from a block must do, written once and run for each
 * server by a subclass that says which server and which kind of application.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ServerBlockContractTests {

	private final HttpClient client = HttpClient.newHttpClient();

	private final Startups startups = new Startups(server());

	/**
	 * Servlet or reactive.
	 * @return the kind of application
	 */
	protected abstract WebApplicationType type();

	/**
	 * The server to run.
	 * @return one of the servers on the test class path
	 */
	protected abstract EmbeddedServer server();

	/**
	 * The class of the server the application must run.
	 * @return for example {@code JettyWebServer.class}
	 */
	protected abstract Class<? extends WebServer> serverClass();

	@Test
	void serverBindsAFreePortOfTheBlockThatNoOtherProcessCanBind() throws Exception {
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.number-of-ports=3",
				"portreservation.server.block=web")) {
			assertThat(webServer(context)).isInstanceOf(serverClass());
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = webServer(context).getPort();
			assertThat(web.contains(port)).isTrue();
			assertThat(this.startups.reportedPort("")).isEqualTo(port);
			assertThat(context.getEnvironment().getProperty("local.server.port", Integer.class)).isEqualTo(port);
			assertThat(web.portsInUse()).containsExactly(port);
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/hello")).isEqualTo("hello");
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 3))).isEmpty();
		}
	}

	@Test
	void serverPortInsideTheBlockIsBoundExactlyAndEveryPortIsFreeAfterClose() throws Exception {
		int start = FreeBlocks.start(Protocol.TCP, 3);
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.start-port=" + start,
				"portreservation.blocks.web.number-of-ports=3", "portreservation.server.block=web",
				"server.port=" + (start + 2))) {
			assertThat(webServer(context).getPort()).isEqualTo(start + 2);
			assertThat(Startups.get(this.client, "http://localhost:" + (start + 2) + "/hello")).isEqualTo("hello");
		}
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(start, 3))).hasSize(3);
	}

	@Test
	void serverPortOutsideTheBlockFailsNamingBothAndLeavesNothingBehind(CapturedOutput output) {
		int start = FreeBlocks.start(Protocol.TCP, 3);
		assertThatException().isThrownBy(() -> run("portreservation.blocks.web.start-port=" + start,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web",
				"server.port=" + (start + 2)));
		assertThat(output).contains("Port " + (start + 2) + " is outside the block 'web' (tcp block " + start + "-"
				+ (start + 1) + ") that portreservation.server.block binds the server from");
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(start, 3))).hasSize(3);
	}

	@Test
	void serverSpeaksHttpsWhenBoundFromTheBlock(@TempDir Path directory) throws Exception {
		Path keyStore = SelfSignedKeyStore.create(directory);
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.number-of-ports=2",
				"portreservation.server.block=web", "server.ssl.key-store=" + keyStore.toUri(),
				"server.ssl.key-store-password=secret", "server.ssl.key-store-type=PKCS12")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = webServer(context).getPort();
			assertThat(web.contains(port)).isTrue();
			HttpClient https = HttpClient.newBuilder().sslContext(SelfSignedKeyStore.trustingEveryone()).build();
			assertThat(Startups.get(https, "https://localhost:" + port + "/hello")).isEqualTo("hello");
		}
	}

	@Test
	void serverSpeaksHttp2OverTlsFromTheBlock(@TempDir Path directory) throws Exception {
		Path keyStore = SelfSignedKeyStore.create(directory);
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.number-of-ports=2",
				"portreservation.server.block=web", "server.http2.enabled=true",
				"server.ssl.key-store=" + keyStore.toUri(), "server.ssl.key-store-password=secret",
				"server.ssl.key-store-type=PKCS12")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = webServer(context).getPort();
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_2)
				.sslContext(SelfSignedKeyStore.trustingEveryone())
				.build();
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(response.body()).isEqualTo("hello");
			assertThat(web.portsInUse()).containsExactly(port);
		}
	}

	@Test
	void contextStopAndStartRebindFromTheBlock() throws Exception {
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.number-of-ports=2",
				"portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			context.stop();
			assertThat(web.portsInUse()).isEmpty();
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 2))).isEmpty();
			context.start();
			int port = webServer(context).getPort();
			assertThat(web.portsInUse()).containsExactly(port);
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/hello")).isEqualTo("hello");
		}
	}

	@Test
	void gracefulShutdownReturnsThePortToTheBlockWhileRequestsFinish() throws Exception {
		TestApplication.slowRequestArrived = new CountDownLatch(1);
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.number-of-ports=2",
				"portreservation.server.block=web", "server.shutdown=graceful")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = webServer(context).getPort();
			CompletableFuture<HttpResponse<String>> slow = this.client.sendAsync(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(TestApplication.slowRequestArrived.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::stop);
			List<Integer> takenDuringDrain = BindProbe.bindableInAnotherProcess(Protocol.TCP, List.of(port));
			assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow");
			stopping.get(30, TimeUnit.SECONDS);
			assertThat(takenDuringDrain).as("the server's port while requests drain").isEmpty();
			assertThat(web.portsInUse()).isEmpty();
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 2))).isEmpty();
		}
	}

	@Test
	void managementServerOnItsOwnPortBindsFromItsBlock() throws Exception {
		try (ConfigurableApplicationContext context = run("portreservation.blocks.web.number-of-ports=2",
				"portreservation.blocks.management.number-of-ports=2", "portreservation.server.block=web",
				"portreservation.management.block=management", "management.server.port=0",
				"management.endpoints.web.exposure.include=health")) {
			PortReservation management = context.getBean(PortReservationTemplate.class).getReservation("management");
			Integer managementPort = this.startups.reportedPort("management");
			assertThat(managementPort).isNotNull();
			assertThat(management.contains(managementPort)).isTrue();
			assertThat(Startups.get(this.client, "http://localhost:" + managementPort + "/actuator/health"))
				.contains("UP");
		}
	}

	private ConfigurableApplicationContext run(String... properties) {
		return this.startups.run(type(), properties);
	}

	private static WebServer webServer(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer();
	}

}
