package org.portreservation.boot.tomcat;

import org.junit.jupiter.api.Test;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link ReservedHttp11NioProtocol} on its own, in a Tomcat that Boot's factory
 * creates without an application context.
 */
class ReservedHttp11NioProtocolTests {

	@Test
	void connectorBindsAPortOfTheBlockHandedToItAndReturnsItOnStop() {
		try (PortReservation block = PortReservations.forCurrentPlatform().acquire(Protocol.TCP, 0, 2)) {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
			factory.setProtocol(ReservedHttp11NioProtocol.class.getName());
			factory.addProtocolHandlerCustomizers(
					(handler) -> ((ReservedHttp11NioProtocol) handler).setReservation(block));
			WebServer server = factory.getWebServer();
			try {
				server.start();
				assertThat(block.portsInUse()).containsExactly(server.getPort());
			}
			finally {
				server.stop();
			}
			assertThat(block.portsInUse()).isEmpty();
		}
	}

	@Test
	void connectorWithoutABlockDoesNotStart() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		factory.setProtocol(ReservedHttp11NioProtocol.class.getName());
		WebServer server = factory.getWebServer();
		try {
			assertThatException().isThrownBy(server::start)
				.withStackTraceContaining("No port reservation was handed to this connector");
		}
		finally {
			server.stop();
		}
	}

}
