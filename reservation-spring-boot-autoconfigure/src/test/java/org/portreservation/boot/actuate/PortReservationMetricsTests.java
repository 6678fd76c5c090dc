package org.portreservation.boot.actuate;

import java.nio.channels.DatagramChannel;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationMetrics}, on this machine's real backend.
 */
class PortReservationMetricsTests {

	private final PortReservations backend = PortReservations.forCurrentPlatform();

	private final PortReservationTemplate template = newTemplate();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AfterEach
	void close() {
		this.template.close();
	}

	@Test
	void gaugesCountEachBlocksPortsInUseAndFree() throws Exception {
		new PortReservationMetrics(this.template).bindTo(this.registry);
		assertThat(ports("web", "tcp", "in-use")).isZero();
		assertThat(ports("web", "tcp", "free")).isEqualTo(3);
		PortReservation echo = this.template.getReservation("echo");
		try (DatagramChannel channel = echo.openDatagramChannel(); PortLease lease = echo.lease()) {
			assertThat(ports("echo", "udp", "in-use")).isEqualTo(2);
			assertThat(ports("echo", "udp", "free")).isZero();
		}
		assertThat(this.registry.get(PortReservationMetrics.PORTS).gauges()).hasSize(4);
	}

	@Test
	void aReleasedBlockCountsNoPorts() {
		new PortReservationMetrics(this.template).bindTo(this.registry);
		this.template.close();
		assertThat(ports("web", "tcp", "free")).isZero();
		assertThat(ports("web", "tcp", "in-use")).isZero();
	}

	private double ports(String block, String protocol, String state) {
		return this.registry.get(PortReservationMetrics.PORTS)
			.tags("block", block, "protocol", protocol, "state", state)
			.gauge()
			.value();
	}

	private PortReservationTemplate newTemplate() {
		Map<String, PortReservation> blocks = new LinkedHashMap<>();
		blocks.put("web", this.backend.acquire(Protocol.TCP, 0, 3));
		blocks.put("echo", this.backend.acquire(Protocol.UDP, 0, 2));
		return new PortReservationTemplate(this.backend, blocks);
	}

}
