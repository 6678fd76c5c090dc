package org.portreservation.boot.actuate;

import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portreservation.JavaProcess;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.SocketHolder;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationsHealthIndicator}, on this machine's real backend with
 * another process taking a port.
 */
class PortReservationsHealthIndicatorTests {

	private final PortReservations backend = PortReservations.forCurrentPlatform();

	private final PortReservation web = this.backend.acquire(Protocol.TCP, 0, 4);

	private final PortReservationTemplate template = new PortReservationTemplate(this.backend, Map.of("web", this.web));

	@AfterEach
	void close() {
		this.template.close();
	}

	@Test
	void upWithTheBlockAndHowManyOfItsPortsAreInUse() throws Exception {
		try (ServerSocketChannel server = this.web.openServerSocketChannel()) {
			Health health = health(List.of("web"));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails())
				.containsExactly(Map.entry("web", this.web.block() + ": 1 of 4 ports in use"));
		}
	}

	@Test
	void downWhenAConfiguredBlockWasLeftOut() {
		Health health = health(List.of("web", "api"));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("api",
				"not reserved: left out at start-up as portreservation.fail-fast is false; the start-up log says why");
		assertThat(health.getDetails()).containsEntry("web", this.web.block() + ": 0 of 4 ports in use");
	}

	@Test
	void downWhileAnotherSocketHoldsAPortThatCameBackAndUpOnceItIsGuardedAgain() {
		int port;
		try (PortLease lease = this.web.lease()) {
			port = lease.port();
			lease.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, port)) {
				lease.close();
				Health health = health(List.of("web"));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("web", "ports [" + port + "] of the " + this.web.block()
						+ " taken by another socket since they came back from a channel or a lease");
			}
		}
		assertThat(health(List.of("web")).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhenANamedBlockWasReleased() {
		this.web.close();
		Health health = health(List.of("web"));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("web", "released: the " + this.web + " is no longer held");
	}

	private Health health(List<String> configured) {
		return new PortReservationsHealthIndicator(this.template, configured).health(true);
	}

}
