package org.portreservation.boot.jetty;

import java.net.http.HttpClient;
import java.util.List;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portreservation.BindProbe;
import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.boot.autoconfigure.Ports;
import org.portreservation.boot.autoconfigure.Startups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Plain Jetty, without Spring Boot, bound from a block through
 * {@link ReservedConnectors}: Jetty's early open, server and connector restarts.
 */
class ReservedConnectorsTests {

	private final PortReservation reservation = PortReservations.forCurrentPlatform().acquire(Protocol.TCP, 0, 3);

	private final Server server = new Server();

	private final HttpClient client = HttpClient.newHttpClient();

	@AfterEach
	void stop() throws Exception {
		this.server.stop();
		this.reservation.close();
	}

	@Test
	void serverBindsFromTheBlockAtEveryStartAndItsPortsStayGuarded() throws Exception {
		ServerConnector connector = connector(0);
		ReservedConnectors.bind(connector, this.reservation);
		this.server.start();
		assertThat(this.reservation.contains(connector.getLocalPort())).isTrue();
		assertThat(Startups.get(this.client, "http://localhost:" + connector.getLocalPort() + "/")).isEqualTo("hello");
		assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, block())).isEmpty();
		this.server.stop();
		assertThat(this.reservation.portsInUse()).isEmpty();
		assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, block())).isEmpty();
		this.server.start();
		assertThat(this.reservation.portsInUse()).containsExactly(connector.getLocalPort());
		assertThat(Startups.get(this.client, "http://localhost:" + connector.getLocalPort() + "/")).isEqualTo("hello");
	}

	@Test
	void connectorRestartedAloneBindsFromTheBlockAgain() throws Exception {
		ServerConnector connector = connector(this.reservation.endPort());
		ReservedConnectors.bind(connector, this.reservation);
		this.server.start();
		connector.stop();
		assertThat(this.reservation.portsInUse()).isEmpty();
		connector.start();
		assertThat(connector.getLocalPort()).isEqualTo(this.reservation.endPort());
		assertThat(Startups.get(this.client, "http://localhost:" + this.reservation.endPort() + "/"))
			.isEqualTo("hello");
	}

	@Test
	void portOutsideTheBlockFailsTheStartAndLeavesTheBlockAsItWas() {
		ServerConnector connector = connector(this.reservation.endPort() + 1);
		ReservedConnectors.bind(connector, this.reservation);
		assertThatExceptionOfType(InvalidReservationArgumentException.class).isThrownBy(this.server::start)
			.withMessageContaining("is outside the " + this.reservation);
		assertThat(this.reservation.portsInUse()).isEmpty();
	}

	@Test
	void aConnectorBindsFromOneBlockOnly() {
		ServerConnector connector = connector(0);
		ReservedConnectors.bind(connector, this.reservation);
		ReservedConnectors.bind(connector, this.reservation);
		try (PortReservation other = PortReservations.forCurrentPlatform().acquire(Protocol.TCP, 0, 1)) {
			assertThatIllegalStateException().isThrownBy(() -> ReservedConnectors.bind(connector, other))
				.withMessageContaining("already binds from the " + this.reservation);
		}
		assertThat(ReservedConnectors.isBound(connector)).isTrue();
	}

	private ServerConnector connector(int port) {
		ServerConnector connector = new ServerConnector(this.server);
		connector.setPort(port);
		this.server.addConnector(connector);
		this.server.setHandler(new Handler.Abstract() {

			@Override
			public boolean handle(Request request, Response response, Callback callback) {
				Content.Sink.write(response, true, "hello", callback);
				return true;
			}

		});
		return connector;
	}

	private List<Integer> block() {
		return Ports.range(this.reservation.startPort(), this.reservation.numberOfPorts());
	}

}
