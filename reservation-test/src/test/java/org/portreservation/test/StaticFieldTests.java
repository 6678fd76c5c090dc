package org.portreservation.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started by a static field, before any test or application context exists, as a
 * Testcontainers {@code @Container} with a fixed host port is: it gets its port from
 * {@link ReservedBlocks#of}, and the context adopts the same block.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.NONE)
@ReservePorts(@PortBlock(name = "stub", handOff = true))
class StaticFieldTests {

	static final HttpServer stub = start(ReservedBlocks.of(StaticFieldTests.class).port("stub"));

	@Value("${portreservation.test.blocks.stub.port}")
	private int stubPort;

	@AfterAll
	static void stop() {
		stub.stop(0);
	}

	@Test
	void theContextAndTheParametersHaveThePortTheStaticFieldsServerListensOn(@ReservedPort("stub") int port)
			throws Exception {
		assertThat(stub.getAddress().getPort()).isEqualTo(this.stubPort).isEqualTo(port);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.stubPort + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("stub");
	}

	private static HttpServer start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
			server.createContext("/", (exchange) -> {
				exchange.sendResponseHeaders(200, 4);
				exchange.getResponseBody().write("stub".getBytes(StandardCharsets.US_ASCII));
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
