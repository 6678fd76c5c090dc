package org.portreservation.test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot test whose server binds from a block of the test: the block's properties,
 * placeholders in {@code @TestPropertySource} and a profile's YAML, {@code @Value}, the
 * parameters and the server's {@code local.server.port} all agree.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = "portreservation.server.block=web")
@TestPropertySource(properties = "stub.url=http://localhost:${portreservation.test.blocks.stub.port}/ping")
@ActiveProfiles("blocks")
@Import(SpringContextBlocksTests.Addresses.class)
@ReservePorts({ @PortBlock(name = "web", numberOfPorts = 3), @PortBlock(name = "stub", handOff = true) })
class SpringContextBlocksTests {

	@Value("${portreservation.test.blocks.web.port}")
	private int webPort;

	@Value("${portreservation.test.blocks.web.start-port}")
	private int webStartPort;

	@Value("${portreservation.test.blocks.web.end-port}")
	private int webEndPort;

	@Value("${portreservation.test.blocks.web.ports}")
	private List<Integer> webPorts;

	@Value("${local.server.port}")
	private int localServerPort;

	@Autowired
	private Addresses addresses;

	@Autowired
	private ReservedBlocks blocks;

	@Autowired
	private PortReservationTemplate template;

	@Test
	void theServerListensOnTheFirstPortOfTheTestsBlockAndEveryoneAgrees(@ReservedPort("web") PortReservation web,
			@ReservedPort("web") int first) throws Exception {
		assertThat(web).isSameAs(this.blocks.reservation("web")).isSameAs(this.template.getReservation("web"));
		assertThat(first).isEqualTo(web.startPort())
			.isEqualTo(this.webPort)
			.isEqualTo(this.webStartPort)
			.isEqualTo(this.localServerPort);
		assertThat(this.webEndPort).isEqualTo(web.endPort()).isEqualTo(first + 2);
		assertThat(this.webPorts).containsExactly(first, first + 1, first + 2);
		assertThat(this.addresses.webPorts()).isEqualTo(this.webPorts);
		assertThat(web.portsInUse()).containsExactly(this.localServerPort);
		assertThat(get("http://localhost:" + this.localServerPort + "/hello")).isEqualTo("hello");
		assertThat(OtherJvm.bindable(web.block())).isEmpty();
	}

	@Test
	void aStubServerTheTestStartsTakesTheHandedOffPortThatTheContextWasGiven(@ReservedPort("stub") int stub)
			throws Exception {
		assertThat(this.addresses.stubUrl()).isEqualTo("http://localhost:" + stub + "/ping");
		assertThat(this.blocks.isHandedOff("stub")).isTrue();
		assertThat(this.template.getReservations()).doesNotContainKey("stub");
		HttpServer server = HttpServer.create(new InetSocketAddress(stub), 0);
		server.createContext("/ping", (exchange) -> {
			exchange.sendResponseHeaders(200, 4);
			exchange.getResponseBody().write("pong".getBytes(StandardCharsets.US_ASCII));
			exchange.close();
		});
		server.start();
		try {
			assertThat(get(this.addresses.stubUrl())).isEqualTo("pong");
		}
		finally {
			server.stop(0);
		}
	}

	private static String get(String uri) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * A bean built from the placeholders, as application code would be.
	 */
	record Addresses(@Value("${stub.url}") String stubUrl, @Value("${sample.web-ports}") List<Integer> webPorts) {

	}

}
