package org.portreservation.boot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PortReservationTemplate}, on this machine's real backend.
 */
class PortReservationTemplateTests {

	private final PortReservations backend = PortReservations.forCurrentPlatform();

	private final PortReservationTemplate template = newTemplate();

	@AfterEach
	void close() {
		this.template.close();
	}

	@Test
	void unknownNameIsRefusedWithTheKnownNames() {
		assertThatExceptionOfType(UnknownBlockException.class).isThrownBy(() -> this.template.getReservation("api"))
			.withMessageContaining("No reserved block is named 'api'; the reserved blocks are [web, echo]")
			.satisfies((ex) -> assertThat(ex.knownNames()).containsExactly("web", "echo"));
	}

	@Test
	void reservationsAreUnmodifiableAndInConfigurationOrder() {
		assertThat(this.template.getReservations()).containsOnlyKeys("web", "echo");
		assertThat(this.template.getReservations().keySet()).containsExactly("web", "echo");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.template.getReservations().remove("web"));
	}

	@Test
	void channelsAreBoundFromNamedBlocks() throws IOException {
		PortReservation web = this.template.getReservation("web");
		try (ServerSocketChannel any = this.template.openServerSocketChannel("web");
				ServerSocketChannel named = this.template.openServerSocketChannel("web", web.endPort());
				DatagramChannel echo = this.template.openDatagramChannel("echo")) {
			assertThat(web.contains(port(any))).isTrue();
			assertThat(port(named)).isEqualTo(web.endPort());
			assertThat(this.template.getReservation("echo").contains(port(echo))).isTrue();
			assertThat(web.portsInUse()).containsExactlyInAnyOrder(port(any), port(named));
		}
		assertThat(web.portsInUse()).isEmpty();
	}

	@Test
	void leasesComeFromNamedBlocks() {
		PortReservation web = this.template.getReservation("web");
		try (PortLease lease = this.template.lease("web", web.startPort())) {
			assertThat(lease.port()).isEqualTo(web.startPort());
			assertThat(web.portsInUse()).containsExactly(web.startPort());
		}
		try (PortLease lease = this.template.lease("web")) {
			assertThat(web.contains(lease.port())).isTrue();
		}
	}

	@Test
	void callbackWorksWithTheNamedBlock() {
		assertThat(this.template.execute("echo", PortReservation::protocol)).isEqualTo(Protocol.UDP);
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> this.template.execute("echo", (reservation) -> {
				throw new IOException("refused");
			}))
			.withMessageContaining("block 'echo'");
	}

	@Test
	void closingReleasesNamedAndAcquiredBlocks() {
		PortReservation acquired = this.template.acquire(Protocol.TCP, 0, 2);
		PortReservation web = this.template.getReservation("web");
		this.template.close();
		assertThat(acquired.isOpen()).isFalse();
		assertThat(web.isOpen()).isFalse();
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.template.acquire(Protocol.TCP, 0, 1))
			.withMessageContaining("closed");
	}

	private PortReservationTemplate newTemplate() {
		Map<String, PortReservation> blocks = new LinkedHashMap<>();
		blocks.put("web", this.backend.acquire(Protocol.TCP, 0, 3));
		blocks.put("echo", this.backend.acquire(Protocol.UDP, 0, 1));
		return new PortReservationTemplate(this.backend, blocks);
	}

	private static int port(java.nio.channels.NetworkChannel channel) throws IOException {
		return ((InetSocketAddress) channel.getLocalAddress()).getPort();
	}

}
