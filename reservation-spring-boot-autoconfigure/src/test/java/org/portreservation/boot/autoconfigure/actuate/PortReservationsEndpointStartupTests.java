package org.portreservation.boot.autoconfigure.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.Startups;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full start-ups that fetch the endpoint, the health and the metrics over HTTP, from a
 * server bound from a block.
 */
class PortReservationsEndpointStartupTests {

	private static final String[] WEB_BLOCK = { "portreservation.blocks.web.number-of-ports=3",
			"portreservation.server.block=web", "portreservation.blocks.echo.protocol=udp" };

	private final HttpClient client = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void endpointIsNotFoundUntilExposed(WebApplicationType type) throws Exception {
		Startups startups = new Startups();
		try (ConfigurableApplicationContext context = startups.run(type, WEB_BLOCK)) {
			String actuator = "http://localhost:" + startups.reportedPort("") + "/actuator";
			assertThat(get(actuator + "/portreservations").statusCode()).isEqualTo(404);
			assertThat(get(actuator + "/portreservations/web").statusCode()).isEqualTo(404);
			assertThat(get(actuator + "/health").statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void exposedEndpointListsEveryBlockAndTheServersPortAsBound(WebApplicationType type) throws Exception {
		Startups startups = new Startups();
		try (ConfigurableApplicationContext context = startups.run(type, exposing("portreservations"))) {
			int serverPort = startups.reportedPort("");
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			String actuator = "http://localhost:" + serverPort + "/actuator";
			JsonNode all = this.json.readTree(body(actuator + "/portreservations"));
			assertThat(all.get("backend").asString()).isNotBlank();
			assertThat(all.get("blocks").propertyNames()).containsExactly("web", "echo");
			JsonNode block = all.get("blocks").get("web");
			assertThat(block.get("protocol").asString()).isEqualTo("tcp");
			assertThat(block.get("startPort").asInt()).isEqualTo(web.startPort());
			assertThat(block.get("endPort").asInt()).isEqualTo(web.endPort());
			assertThat(block.get("persistent").asBoolean()).isFalse();
			assertThat(block.get("freePorts")).hasSize(2);
			assertThat(block.get("portsInUse").propertyNames()).containsExactly(Integer.toString(serverPort));
			assertThat(block.get("portsInUse").get(Integer.toString(serverPort)).get("use").asString())
				.isEqualTo("bound");
			assertThat(block.get("portsInUse").get(Integer.toString(serverPort)).has("holder")).isFalse();
			assertThat(this.json.readTree(body(actuator + "/portreservations/web"))).isEqualTo(block);
			assertThat(get(actuator + "/portreservations/api").statusCode()).isEqualTo(404);
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void healthShowsTheBlocksAndMetricsCountTheirPorts(WebApplicationType type) throws Exception {
		Startups startups = new Startups();
		try (ConfigurableApplicationContext context = startups.run(type,
				exposing("health,metrics", "management.endpoint.health.show-details=always"))) {
			String actuator = "http://localhost:" + startups.reportedPort("") + "/actuator";
			JsonNode health = this.json.readTree(body(actuator + "/health")).get("components").get("portReservations");
			assertThat(health.get("status").asString()).isEqualTo("UP");
			assertThat(health.get("details").get("web").asString()).endsWith(": 1 of 3 ports in use");
			assertThat(health.get("details").get("echo").asString()).endsWith(": 0 of 1 ports in use");
			String metric = actuator + "/metrics/portreservation.ports?tag=block:web&tag=state:";
			assertThat(value(metric + "in-use")).isEqualTo(1.0);
			assertThat(value(metric + "free")).isEqualTo(2.0);
		}
	}

	private double value(String uri) throws Exception {
		return this.json.readTree(body(uri)).get("measurements").get(0).get("value").asDouble();
	}

	private String body(String uri) throws Exception {
		HttpResponse<String> response = get(uri);
		assertThat(response.statusCode()).as(uri).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String[] exposing(String endpoints, String... more) {
		List<String> properties = new ArrayList<>(List.of(WEB_BLOCK));
		properties.add("management.endpoints.web.exposure.include=" + endpoints);
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

}
