package org.portreservation.windows;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.portreservation.windows.jna.NetworkByteOrder;
import org.portreservation.BlockExhaustedException;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Runtime reservations of the real Windows backend, end to end against the stand-in
 * Windows libraries.
 */
@WithWindowsStandIn
class WindowsRuntimeReservationStandInTests {

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void acquiresTheNamedBlockWithItsStartInNetworkByteOrder(Protocol protocol) {
		int start = StandIn.freeBlock(protocol, 4);
		try (PortReservation reservation = this.reservations.acquire(protocol, start, 4)) {
			assertThat(reservation.startPort()).isEqualTo(start);
			assertThat(reservation.numberOfPorts()).isEqualTo(4);
			assertThat(reservation.token()).isGreaterThan(0xFFFFFFFFL);
			assertThat(StandIn.tokenOf(protocol, start)).isEqualTo(reservation.token());
			assertThat(StandIn.tokenOf(protocol, start + 3)).isEqualTo(reservation.token());
			assertThat(StandIn.tokenOf(protocol, Short.toUnsignedInt(Short.reverseBytes((short) start)))).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void acquiresTheBlockWindowsChoosesForAWildcardRequest(Protocol protocol) {
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 5)) {
			assertThat(reservation.startPort()).isBetween(20000, 32767 - 4);
			assertThat(reservation.numberOfPorts()).isEqualTo(5);
			assertThat(StandIn.tokenOf(protocol, reservation.startPort())).isEqualTo(reservation.token());
			assertThat(StandIn.tokenOf(protocol, reservation.endPort())).isEqualTo(reservation.token());
			assertThat(StandIn.tokenOf(protocol, reservation.endPort() + 1)).isNotEqualTo(reservation.token());
		}
	}

	@Test
	void bindsAServerChannelToAPortWindowsChoosesInsideTheBlock() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 3);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 3);
				ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
			assertThat(port).isEqualTo(start);
			assertThat(reservation.portsInUse()).containsExactly(port);
		}
	}

	@Test
	void bindsADatagramChannelToANamedPortOfTheBlock() throws IOException {
		int start = StandIn.freeBlock(Protocol.UDP, 3);
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, start, 3);
				DatagramChannel channel = reservation.openDatagramChannel(start + 2)) {
			assertThat(((InetSocketAddress) channel.getLocalAddress()).getPort()).isEqualTo(start + 2);
			assertThat(reservation.freePorts()).containsExactly(start, start + 1);
		}
	}

	@Test
	void bindsAChannelToConnectFromOnTheAddressAskedFor() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
				SocketChannel channel = SocketChannel.open()) {
			InetSocketAddress bound = reservation.bind(channel, new InetSocketAddress("127.0.0.1", 0));
			assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
			assertThat(bound.getPort()).isBetween(start, start + 1);
		}
	}

	@Test
	void keepsSocketsThatAreNotAssociatedOutOfTheBlock() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
				ServerSocketChannel other = ServerSocketChannel.open()) {
			assertThatExceptionOfType(BindException.class).isThrownBy(() -> other.bind(new InetSocketAddress(start)));
			assertThat(reservation.freePorts()).containsExactly(start, start + 1);
		}
	}

	@Test
	void bindsEveryPortOfTheBlockOnceThenReportsItExhausted() throws IOException {
		int start = StandIn.freeBlock(Protocol.UDP, 3);
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, start, 3);
				DatagramChannel first = reservation.openDatagramChannel();
				DatagramChannel second = reservation.openDatagramChannel();
				DatagramChannel third = reservation.openDatagramChannel()) {
			assertThat(List.of(port(first), port(second), port(third))).containsExactly(start, start + 1, start + 2);
			assertThatExceptionOfType(BlockExhaustedException.class).isThrownBy(reservation::openDatagramChannel);
		}
	}

	@Test
	void bindsThePortOfAClosedChannelAgain() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 1);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 1)) {
			reservation.openServerSocketChannel().close();
			try (ServerSocketChannel again = reservation.openServerSocketChannel()) {
				assertThat(port(again)).isEqualTo(start);
			}
		}
	}

	@ParameterizedTest(name = "bind(0) fails with errno {0}")
	@ValueSource(ints = { 98, 105 })
	void bindsFreePortsByNumberWhenWindowsDoesNotGiveBackThePortsOfClosedSockets(int exhausted) throws IOException {
		StandIn.INSTANCE.standin_set_ports_return(0);
		StandIn.INSTANCE.standin_set_exhausted_error(exhausted);
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
				ServerSocketChannel kept = reservation.openServerSocketChannel()) {
			reservation.openServerSocketChannel().close();
			try (ServerSocketChannel again = reservation.openServerSocketChannel()) {
				assertThat(port(kept)).isEqualTo(start);
				assertThat(port(again)).isEqualTo(start + 1);
			}
		}
	}

	@Test
	void reportsAnyOtherFailureOfTheKernelsChoiceAsItIs() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
				ServerSocketChannel channel = ServerSocketChannel.open()) {
			StandIn.INSTANCE.standin_fail_next("bind", 100);
			assertThatExceptionOfType(PortReservationException.class)
				.isThrownBy(() -> reservation.bind(channel, null, 0))
				.satisfies((ex) -> assertThat(ex).isNotInstanceOf(BlockExhaustedException.class))
				.withMessageContaining("Network is down");
			assertThat(channel.getLocalAddress()).isNull();
			assertThat(reservation.freePorts()).containsExactly(start, start + 1);
		}
	}

	@Test
	void keepsTheKernelsChoiceAwayFromLeasedPorts() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 3);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 3);
				PortLease lease = reservation.lease();
				ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			assertThat(lease.port()).isEqualTo(start);
			assertThat(port(channel)).isEqualTo(start + 1);
		}
	}

	@Test
	void refusesToHandOffALeaseOfARuntimeReservation() {
		int start = StandIn.freeBlock(Protocol.UDP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, start, 2);
				PortLease lease = reservation.lease()) {
			assertThatExceptionOfType(UnsupportedPlatformException.class).isThrownBy(lease::handOff)
				.withMessageContaining("only the process that acquired")
				.withMessageContaining("createPersistent")
				.withMessageContaining("LookupPersistentUdpPortReservation");
			assertThat(lease.isHandedOff()).isFalse();
			assertThat(reservation.portsInUse()).containsExactly(start);
		}
	}

	@Test
	void refusesClaimsSinceOnlyAssociatedSocketsBindFromAReservation() {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2)) {
			assertThatExceptionOfType(UnsupportedPlatformException.class).isThrownBy(() -> reservation.claim(0))
				.withMessageContaining("only for a socket associated with its token")
				.withMessageContaining("bind a JDK channel from the reservation instead");
			assertThat(reservation.freePorts()).containsExactly(start, start + 1);
		}
	}

	@Test
	void refusesABlockThatOverlapsAnotherReservation() {
		int start = StandIn.freeBlock(Protocol.TCP, 6);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 4)) {
			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> this.reservations.acquire(Protocol.TCP, start + 3, 3))
				.withMessageContaining("netsh int ipv4 show excludedportrange protocol=tcp")
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(start + 3));
			assertThat(StandIn.INSTANCE.standin_reservation_count()).isOne();
		}
	}

	@Test
	void refusesABlockWithAPortInUse() throws IOException {
		int start = StandIn.freeBlock(Protocol.UDP, 3);
		try (DatagramChannel user = DatagramChannel.open().bind(new InetSocketAddress(start + 1))) {
			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> this.reservations.acquire(Protocol.UDP, start, 3))
				.withMessageStartingWith("Port " + (start + 1) + " of the udp block " + start + "-" + (start + 2))
				.withMessageContaining("netstat -ano -p udp")
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(start + 1));
			assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
		}
	}

	@Test
	void saysSoWhenWindowsRefusesABlockAsInUseButNoPortOfItIs() {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		StandIn.INSTANCE.standin_fail_next("SIO_ACQUIRE_PORT_RESERVATION", 10048);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.acquire(Protocol.TCP, start, 2))
			.satisfies((ex) -> assertThat(ex).isNotInstanceOf(PortsInUseException.class))
			.withMessageContaining("which port is unknown")
			.withMessageContaining("WSAEADDRINUSE 10048");
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

	@Test
	void closeReleasesTheBlockAndKeepsChannelsBoundFromIt() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
		try (ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			reservation.close();
			reservation.close();
			assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
			assertThat(channel.isOpen()).isTrue();
			assertThat(port(channel)).isEqualTo(start);
			try (ServerSocketChannel other = ServerSocketChannel.open()) {
				other.bind(new InetSocketAddress(start + 1));
			}
		}
	}

	@Test
	void closeEndsTheReservationEvenWhenWindowsFailsToReleaseIt() {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
		StandIn.INSTANCE.standin_fail_next("SIO_RELEASE_PORT_RESERVATION", 10050);
		reservation.close();
		assertThat(reservation.isOpen()).isFalse();
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

	@Test
	void leavesTheChannelUnboundWhenTheBindFails() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 1);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 1);
				ServerSocketChannel channel = ServerSocketChannel.open()) {
			StandIn.INSTANCE.standin_fail_next("bind", 98);
			assertThatExceptionOfType(org.portreservation.PortsInUseException.class)
				.isThrownBy(() -> reservation.bind(channel, new InetSocketAddress(start), 0))
				.withMessageContaining("Port " + start);
			assertThat(channel.getLocalAddress()).isNull();
			assertThat(reservation.freePorts()).containsExactly(start);
		}
	}

	private static int port(NetworkChannel channel) throws IOException {
		return ((InetSocketAddress) channel.getLocalAddress()).getPort();
	}

	@Test
	void portOfClosedChannelIsFreeInTheBookkeeping() throws IOException {
		int start = StandIn.freeBlock(Protocol.UDP, 1);
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, start, 1)) {
			DatagramChannel channel = reservation.openDatagramChannel();
			channel.close();
			assertThat(reservation.freePorts()).containsExactly(start);
			assertThatIOException().isThrownBy(channel::getLocalAddress);
		}
	}

}
