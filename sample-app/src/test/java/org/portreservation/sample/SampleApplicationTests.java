package org.portreservation.sample;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.assertj.core.api.InstanceOfAssertFactories;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample as a newcomer would and uses both of its services.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PortReservationTemplate template;

	@Autowired
	private UdpEchoService echo;

	@Test
	void reservationsEndpointListsBothBlocksWithTheirPortsInUse() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/reservations")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, Object>> blocks = JsonMapper.builder()
			.build()
			.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {
			});
		assertThat(blocks).hasSize(2);
		Map<String, Object> web = blocks.get(0);
		PortReservation reserved = this.template.getReservation("web");
		assertThat(web).containsEntry("name", "web")
			.containsEntry("protocol", "tcp")
			.containsEntry("startPort", reserved.startPort())
			.containsEntry("endPort", reserved.endPort())
			.containsEntry("portsInUse", List.of(this.port))
			.containsEntry("backend", this.template.getPortReservations().backend().name());
		assertThat(web.get("freePorts")).asInstanceOf(InstanceOfAssertFactories.list(Integer.class))
			.hasSize(3)
			.doesNotContain(this.port);
		Map<String, Object> echo = blocks.get(1);
		assertThat(echo).containsEntry("name", "echo")
			.containsEntry("protocol", "udp")
			.containsEntry("portsInUse", List.of(this.echo.getPort()));
	}

	@Test
	void echoServiceSendsDatagramsBack() throws Exception {
		assertThat(this.template.getReservation("echo").contains(this.echo.getPort())).isTrue();
		try (DatagramChannel client = DatagramChannel.open()) {
			client.connect(new InetSocketAddress("127.0.0.1", this.echo.getPort()));
			client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)));
			ByteBuffer answer = ByteBuffer.allocate(64);
			// A channel's read ignores SO_TIMEOUT: wait with a selector, so a missing
			// echo fails instead of hanging.
			client.configureBlocking(false);
			try (Selector selector = Selector.open()) {
				client.register(selector, SelectionKey.OP_READ);
				assertThat(selector.select(5000)).as("an echo within 5 seconds").isEqualTo(1);
			}
			client.read(answer);
			answer.flip();
			assertThat(StandardCharsets.UTF_8.decode(answer).toString()).isEqualTo("ping");
		}
	}

}
