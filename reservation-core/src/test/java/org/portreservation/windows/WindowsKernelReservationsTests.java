package org.portreservation.windows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.BindProbe;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationAccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Windows backend against the real kernel: acquire, associate, bind, release, and
 * persistent reservations. Who is kept out of a held block is
 * {@link WindowsExclusionTests}.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsKernelReservationsTests {

	private final PortReservations reservations = PortReservations.forCurrentPlatform();

	@Test
	void isTheBackendOfWindows() {
		assertThat(this.reservations).isInstanceOf(WindowsPortReservations.class);
		assertThat(this.reservations.backend().name()).isEqualTo("windows (kernel port reservations)");
	}

	@Test
	void bindsInsideARuntimeBlock() throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 3);
				ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
			assertThat(reservation.contains(port)).isTrue();
			assertThat(reservation.portsInUse()).containsExactly(port);
		}
	}

	@Test
	void releasesTheBlockOnClose() {
		PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 2);
		List<Integer> ports = List.of(reservation.startPort(), reservation.endPort());
		try {
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.UDP, ports)).as("held").isEmpty();
		}
		finally {
			reservation.close();
		}
		assertThat(BindProbe.bindableInAnotherProcess(Protocol.UDP, ports)).as("released")
			.containsExactlyElementsOf(ports);
	}

	@Test
	void bindsThePortOfAClosedChannelAgainWhateverAnExhaustedReservationAnswers(TestReporter reporter)
			throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1)) {
			try (ServerSocketChannel first = reservation.openServerSocketChannel();
					ServerSocketChannel second = ServerSocketChannel.open()) {
				PortReservationIoctls.associate(SocketHandles.of(second), reservation.token(), reservation, false);
				Observations.record(reporter, "bind(0) of an associated socket when the reservation has no free port",
						Observations.outcome(() -> second.bind(null)));
			}
			try (ServerSocketChannel again = reservation.openServerSocketChannel()) {
				assertThat(((InetSocketAddress) again.getLocalAddress()).getPort()).isEqualTo(reservation.startPort());
			}
		}
	}

	@Test
	void acquiresANamedBlockAndBindsANamedPortOfIt() throws IOException {
		int start;
		try (PortReservation any = this.reservations.acquire(Protocol.UDP, 0, 4)) {
			start = any.startPort();
		}
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, start, 4);
				DatagramChannel channel = reservation.openDatagramChannel(start + 3)) {
			assertThat(((InetSocketAddress) channel.getLocalAddress()).getPort()).isEqualTo(start + 3);
			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> this.reservations.acquire(Protocol.UDP, start + 2, 2).close());
		}
	}

	@Test
	void namesThePortInUseWhenWindowsRefusesABlock() throws IOException {
		int start;
		try (PortReservation any = this.reservations.acquire(Protocol.UDP, 0, 3)) {
			start = any.startPort();
		}
		try (DatagramChannel user = DatagramChannel.open().bind(new InetSocketAddress(start + 1))) {
			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> this.reservations.acquire(Protocol.UDP, start, 3).close())
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(start + 1));
		}
	}

	@Test
	void createsLooksUpBindsFromAndDeletesAPersistentReservation() throws IOException {
		int start = ThreadLocalRandom.current().nextInt(40000, 48000);
		if (!this.reservations.backend().persistentSupported()) {
			assertThatExceptionOfType(ReservationAccessDeniedException.class)
				.isThrownBy(() -> this.reservations.createPersistent(Protocol.TCP, start, 2));
			return;
		}
		PortReservation created = this.reservations.createPersistent(Protocol.TCP, start, 2);
		try (ServerSocketChannel channel = created.openServerSocketChannel()) {
			assertThat(created.contains(((InetSocketAddress) channel.getLocalAddress()).getPort())).isTrue();
			assertThat(this.reservations.lookupPersistent(Protocol.TCP, start, 2))
				.hasValueSatisfying((found) -> assertThat(found.token()).isEqualTo(created.token()));
		}
		finally {
			this.reservations.deletePersistent(Protocol.TCP, start, 2);
		}
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, start, 2)).isEmpty();
	}

}
