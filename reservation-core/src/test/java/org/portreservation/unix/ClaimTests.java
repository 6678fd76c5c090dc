package org.portreservation.unix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.BlockExhaustedException;
import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.PortClaim;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Claims on the real kernel: a socket of this process that cannot be handed to
 * {@code bind}, as Netty's native channels, binds a claimed port itself on top of the
 * guard, and every other process, of this user without {@code SO_REUSEPORT} or of another
 * user with it, is still kept out.
 */
@EnabledOnOs(OS.LINUX)
class ClaimTests {

	private static final int NOBODY = 65534;

	private final PortReservations reservations = new UnixPortReservations();

	@Test
	void claimedPortIsInUseAndNeitherBoundNorLeasedByTheReservation() throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 2);
				PortClaim claim = reservation.claim(0)) {
			int claimed = claim.port();
			int other = (claimed == reservation.startPort()) ? reservation.endPort() : reservation.startPort();
			assertThat(reservation.contains(claimed)).isTrue();
			assertThat(claim.reservation()).isSameAs(reservation);
			assertThat(reservation.portsInUse()).containsExactly(claimed);
			assertThat(reservation.freePorts()).containsExactly(other);
			assertThatExceptionOfType(PortsInUseException.class).isThrownBy(() -> reservation.lease(claimed))
				.withMessageContaining("Port " + claimed + " of " + reservation + " is already claimed");
			try (ServerSocketChannel channel = ServerSocketChannel.open()) {
				assertThatExceptionOfType(PortsInUseException.class)
					.isThrownBy(() -> reservation.bind(channel, new InetSocketAddress(claimed), 0));
			}
			try (ServerSocketChannel channel = reservation.openServerSocketChannel()) {
				assertThat(((InetSocketAddress) channel.getLocalAddress()).getPort()).isEqualTo(other);
			}
		}
	}

	@Test
	void socketWithSoReusePortBindsTheClaimedPortOnTopOfTheGuardAndKeepsEveryoneElseOut() throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1);
				PortClaim claim = reservation.claim(0);
				ServerSocketChannel server = bindItself(claim.port())) {
			try (SocketChannel client = SocketChannel
				.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), claim.port()));
					SocketChannel accepted = server.accept()) {
				assertThat(accepted.getRemoteAddress()).isEqualTo(client.getLocalAddress());
			}
			assertThat(Intruder.bind(Protocol.TCP, claim.port(), claim.port()).taken()).isZero();
			assertThat(Intruder.bind(Protocol.TCP, claim.port(), claim.port()).takenAs(NOBODY)).isZero();
			assertThat(Intruder.reusePort(Protocol.TCP, claim.port(), claim.port()).takenAs(NOBODY)).isZero();
		}
	}

	@Test
	void closingTheClaimReturnsThePortStillGuarded() throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1)) {
			PortClaim claim = reservation.claim(reservation.startPort());
			bindItself(claim.port()).close();
			claim.close();
			claim.close();
			assertThat(reservation.portsInUse()).isEmpty();
			assertThat(reservation.freePorts()).containsExactly(reservation.startPort());
			assertThat(Intruder.bind(Protocol.TCP, claim.port(), claim.port()).takenAs(NOBODY)).isZero();
			try (PortClaim again = reservation.claim(0)) {
				assertThat(again.port()).isEqualTo(claim.port());
			}
		}
	}

	@Test
	void namedPortIsClaimedExactlyAndAPortOutsideTheBlockOrClaimedTwiceIsRefused() {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 3);
				PortClaim claim = reservation.claim(reservation.startPort() + 1)) {
			assertThat(claim.port()).isEqualTo(reservation.startPort() + 1);
			assertThat(claim).hasToString("claim of tcp port " + claim.port());
			assertThatExceptionOfType(InvalidReservationArgumentException.class)
				.isThrownBy(() -> reservation.claim(reservation.endPort() + 1))
				.withMessageContaining("port " + (reservation.endPort() + 1) + " is outside the " + reservation);
			assertThatExceptionOfType(PortsInUseException.class).isThrownBy(() -> reservation.claim(claim.port()))
				.withMessageContaining("is already claimed in this process");
			assertThat(reservation.portsInUse()).containsExactly(claim.port());
		}
	}

	@Test
	void claimsOfEveryPortExhaustTheBlock() {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1);
				PortClaim claim = reservation.claim(0)) {
			assertThatExceptionOfType(BlockExhaustedException.class).isThrownBy(() -> reservation.claim(0))
				.withMessageContaining("(" + claim.port() + ": claimed)");
		}
	}

	@Test
	void udpPortsCannotBeClaimedAndNothingChanges() {
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 2)) {
			assertThatExceptionOfType(UnsupportedPlatformException.class).isThrownBy(() -> reservation.claim(0))
				.withMessage("Ports of the " + reservation + " cannot be claimed: the guard of a UDP port would take "
						+ "the datagrams of a socket bound on top of it, and only bind(DatagramChannel, ...) drops it "
						+ "in time; bind the channel from the block instead");
			assertThat(reservation.freePorts()).hasSize(2);
		}
	}

	@Test
	void closedReservationRefusesClaims() {
		PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1);
		reservation.close();
		assertThatExceptionOfType(PortReservationException.class).isThrownBy(() -> reservation.claim(0))
			.withMessageContaining("is closed");
	}

	/** What a native socket does with a claimed port: SO_REUSEPORT, then its own bind. */
	private static ServerSocketChannel bindItself(int port) throws IOException {
		ServerSocketChannel server = ServerSocketChannel.open();
		server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
		server.bind(new InetSocketAddress(port));
		return server;
	}

}
