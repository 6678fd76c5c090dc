package org.portreservation.boot.autoconfigure.jetty;

import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.Startups;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Connectors that a user's {@link JettyServerCustomizer} adds bind from the block too, or
 * stop start-up when their port lies outside it.
 */
@ExtendWith(OutputCaptureExtension.class)
class JettyAddedConnectorsTests {

	private final Startups startups = new Startups(EmbeddedServer.JETTY);

	@Test
	void aConnectorAddedByACustomizerBindsFromTheBlockToo() throws Exception {
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.SERVLET,
				"spring.main.sources=" + SecondConnector.class.getName(),
				"portreservation.blocks.web.number-of-ports=3", "portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			Server jetty = ((JettyWebServer) ((WebServerApplicationContext) context).getWebServer()).getServer();
			List<Integer> ports = Arrays.stream(jetty.getConnectors())
				.map((connector) -> ((NetworkConnector) connector).getLocalPort())
				.toList();
			assertThat(ports).hasSize(2).doesNotHaveDuplicates().allMatch(web::contains);
			assertThat(web.portsInUse()).containsExactlyInAnyOrderElementsOf(ports);
			for (int port : ports) {
				assertThat(Startups.get(HttpClient.newHttpClient(), "http://localhost:" + port + "/hello"))
					.isEqualTo("hello");
			}
		}
	}

	@Test
	void aConnectorAddedOutsideTheBlockStopsStartupNamingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> this.startups.run(WebApplicationType.SERVLET,
				"spring.main.sources=" + ConnectorOnPortOne.class.getName(),
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web"));
		assertThat(output).contains("listens on port 1, outside the block 'web'")
			.contains("that portreservation.server.block binds the server from: give it port 0 or a port between");
	}

	@Configuration(proxyBeanMethods = false)
	static class SecondConnector {

		@Bean
		JettyServerCustomizer secondConnector() {
			return (server) -> server.addConnector(new ServerConnector(server));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectorOnPortOne {

		@Bean
		JettyServerCustomizer connectorOnPortOne() {
			return (server) -> {
				ServerConnector connector = new ServerConnector(server);
				connector.setPort(1);
				server.addConnector(connector);
			};
		}

	}

}
