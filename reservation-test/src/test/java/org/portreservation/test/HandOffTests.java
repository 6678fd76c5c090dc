package org.portreservation.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.portreservation.PortReservation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blocks declared with {@code handOff}: servers the test does not control bind their
 * ports themselves, while other users of this library still never get them.
 */
@ReservePorts({ @PortBlock(name = "stub", handOff = true), @PortBlock(name = "wiremock", handOff = true),
		@PortBlock(name = "pair", numberOfPorts = 2, handOff = true) })
class HandOffTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void jdkHttpServerServesOnAHandedOffPort(@ReservedPort("stub") int port) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/ping", (exchange) -> {
			exchange.sendResponseHeaders(200, 4);
			exchange.getResponseBody().write("pong".getBytes(StandardCharsets.US_ASCII));
			exchange.close();
		});
		server.start();
		try {
			assertThat(body("http://localhost:" + port + "/ping")).isEqualTo("pong");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void wireMockServesOnAHandedOffPort(@ReservedPort("wiremock") int port) throws Exception {
		WireMockServer wireMock = new WireMockServer(options().port(port));
		wireMock.start();
		try {
			wireMock.stubFor(get("/greeting").willReturn(aResponse().withBody("hello")));
			assertThat(wireMock.port()).isEqualTo(port);
			assertThat(body("http://localhost:" + port + "/greeting")).isEqualTo("hello");
		}
		finally {
			wireMock.stop();
		}
	}

	@Test
	void anotherJvmOfThisLibraryCannotReserveAHandedOffBlock(@ReservedPort("pair") PortReservation pair) {
		assertThat(OtherJvm.reserve(pair.block())).startsWith("refused ");
	}

	@Test
	void blocksOfAnyFreePortsAreHandedOffOutsideTheEphemeralRange(@ReservedPort("stub") PortReservation stub,
			@ReservedPort("wiremock") PortReservation wireMock, @ReservedPort("pair") PortReservation pair)
			throws IOException {
		int[] ephemeral = ephemeralRange();
		for (PortReservation block : new PortReservation[] { stub, wireMock, pair }) {
			assertThat(block.endPort() < ephemeral[0] || block.startPort() > ephemeral[1])
				.as("%s outside %s-%s", block, ephemeral[0], ephemeral[1])
				.isTrue();
		}
	}

	/**
	 * The residual risk that handOff's Javadoc states: a process that does not use this
	 * library can bind a handed-off port explicitly.
	 */
	@Test
	void aHandedOffPortIsOpenToAnExplicitBindOfAProcessThatDoesNotUseThisLibrary(
			@ReservedPort("pair") PortReservation pair) {
		assertThat(pair.freePorts()).isEmpty();
		assertThat(OtherJvm.bindable(pair.block())).containsExactly(pair.startPort(), pair.endPort());
	}

	private String body(String uri) throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(uri)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int[] ephemeralRange() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
			String[] range = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
			return new int[] { Integer.parseInt(range[0]), Integer.parseInt(range[1]) };
		}
	}

}
