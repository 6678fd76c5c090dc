package org.portreservation.boot.autoconfigure.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.portreservation.JavaProcess;
import org.portreservation.PortLease;
import org.portreservation.Protocol;
import org.portreservation.SocketHolder;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.Startups;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full start-ups with Spring Security and no security configuration of the application's
 * own: the endpoint is protected like Boot's others, and names the processes holding
 * lent-out ports only to authorized users. Runs in the surefire execution that has Spring
 * Security on the class path.
 */
@Tag("spring-security")
class PortReservationsEndpointSecurityStartupTests {

	private static final String[] PROPERTIES = { "portreservation.blocks.web.number-of-ports=3",
			"portreservation.server.block=web", "management.endpoints.web.exposure.include=health,portreservations",
			"spring.security.user.name=operator", "spring.security.user.password=secret",
			"spring.security.user.roles=OPS" };

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void endpointNeedsAuthenticationWhileHealthDoesNot() throws Exception {
		Startups startups = new Startups();
		try (ConfigurableApplicationContext context = startups.run(WebApplicationType.SERVLET, PROPERTIES)) {
			String actuator = "http://localhost:" + startups.reportedPort("") + "/actuator";
			assertThat(get(actuator + "/portreservations", null).statusCode()).isEqualTo(401);
			assertThat(get(actuator + "/portreservations/web", null).statusCode()).isEqualTo(401);
			assertThat(get(actuator + "/health", null).statusCode()).isEqualTo(200);
			assertThat(get(actuator + "/portreservations", "operator:wrong").statusCode()).isEqualTo(401);
			assertThat(get(actuator + "/portreservations", "operator:secret").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void authorizedUsersSeeTheProcessHoldingAHandedOffPort() throws Exception {
		Startups startups = new Startups();
		try (ConfigurableApplicationContext context = startups.run(WebApplicationType.SERVLET,
				with("management.endpoint.portreservations.show-holders=when-authorized",
						"management.endpoint.portreservations.roles=OPS"));
				PortLease lease = context.getBean(PortReservationTemplate.class).lease("web")) {
			lease.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, lease.port())) {
				String uri = "http://localhost:" + startups.reportedPort("") + "/actuator/portreservations/web";
				HttpResponse<String> response = get(uri, "operator:secret");
				assertThat(response.statusCode()).isEqualTo(200);
				JsonNode use = JsonMapper.builder()
					.build()
					.readTree(response.body())
					.get("portsInUse")
					.get(Integer.toString(lease.port()));
				assertThat(use.get("use").asString()).isEqualTo("handed-off");
				assertThat(use.get("holder").get("pid").asLong()).isEqualTo(child.pid());
			}
		}
	}

	@Test
	void holdersAreHiddenFromAuthenticatedUsersByDefault() throws Exception {
		Startups startups = new Startups();
		try (ConfigurableApplicationContext context = startups.run(WebApplicationType.SERVLET, PROPERTIES);
				PortLease lease = context.getBean(PortReservationTemplate.class).lease("web")) {
			lease.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, lease.port())) {
				String uri = "http://localhost:" + startups.reportedPort("") + "/actuator/portreservations/web";
				HttpResponse<String> response = get(uri, "operator:secret");
				assertThat(response.statusCode()).isEqualTo(200);
				JsonNode use = JsonMapper.builder()
					.build()
					.readTree(response.body())
					.get("portsInUse")
					.get(Integer.toString(lease.port()));
				assertThat(use.get("use").asString()).isEqualTo("handed-off");
				assertThat(use.has("holder")).isFalse();
			}
		}
	}

	private HttpResponse<String> get(String uri, @Nullable String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String[] with(String... more) {
		String[] all = Arrays.copyOf(PROPERTIES, PROPERTIES.length + more.length);
		System.arraycopy(more, 0, all, PROPERTIES.length, more.length);
		return all;
	}

}
