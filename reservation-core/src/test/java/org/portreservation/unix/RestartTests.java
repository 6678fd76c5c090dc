package org.portreservation.unix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server restarted on a fixed block: the connections it closed first stay in TIME_WAIT
 * for up to 60 s, and the block must be acquired again at once without opening its ports
 * to anyone else.
 */
@EnabledOnOs(OS.LINUX)
class RestartTests {

	private static final int NOBODY = 65534;

	private final PortReservations reservations = new UnixPortReservations();

	@Test
	void aBlockWhoseOnlyOccupantsAreClosedConnectionsIsAcquiredAgainAtOnce() throws IOException {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
				ServerSocketChannel server = reservation.openServerSocketChannel(start)) {
			closeOneConnectionServerFirst(server, start);
		}
		assertThat(TimeWait.only(start)).as("the server's side of the connection waits in TIME_WAIT").isPresent();
		try (PortReservation again = this.reservations.acquire(Protocol.TCP, start, 2)) {
			assertThat(again.startPort()).isEqualTo(start);
			assertThat(Intruder.bind(Protocol.TCP, start, start + 1).taken()).as("another process of this user")
				.isZero();
			if (ReservedPortsTests.isRootWithSetpriv()) {
				assertThat(Intruder.bind(Protocol.TCP, start, start + 1).takenAs(NOBODY)).as("another user").isZero();
				assertThat(Intruder.reusePort(Protocol.TCP, start, start + 1).takenAs(NOBODY))
					.as("another user with SO_REUSEPORT")
					.isZero();
			}
			try (ServerSocketChannel server = again.openServerSocketChannel(start)) {
				assertThat(((InetSocketAddress) server.getLocalAddress()).getPort()).isEqualTo(start);
			}
		}
	}

	@Test
	void aProcessRestartedOnItsBlockGetsItAtOnce() throws IOException {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 3);
		try (JavaProcess first = Intruder.serveOnce(start, 3).start()) {
			assertThat(first.readLine()).isEqualTo("ready");
			try (SocketChannel client = SocketChannel
				.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), start))) {
				assertThat(client.read(ByteBuffer.allocate(1))).as("closed by the server first").isEqualTo(-1);
			}
			assertThat(first.readLine()).isEqualTo("closed");
			assertThat(first.waitFor()).isZero();
		}
		assertThat(TimeWait.only(start)).isPresent();
		try (PortReservation restarted = this.reservations.acquire(Protocol.TCP, start, 3)) {
			assertThat(restarted.freePorts()).hasSize(3);
			assumeTrue(ReservedPortsTests.isRootWithSetpriv(), "the rest needs root and setpriv to run as nobody");
			assertThat(Intruder.bind(Protocol.TCP, start, start + 2).takenAs(NOBODY)).isZero();
		}
	}

	@Test
	void closedConnectionsOfASocketWithoutReusePortAreNamedWithTheirExpiry() throws IOException {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 1);
		try (ServerSocketChannel plain = ServerSocketChannel.open()) {
			plain.bind(new InetSocketAddress(start));
			closeOneConnectionServerFirst(plain, start);
		}
		assertThat(TimeWait.only(start)).isPresent();
		assertThatExceptionOfType(PortsInUseException.class)
			.isThrownBy(() -> this.reservations.acquire(Protocol.TCP, start, 1))
			.withMessageStartingWith("Port " + start + " of the tcp block " + start + "-" + start
					+ " is held by 1 closed connection in TIME_WAIT (the last expires in ")
			.withMessageContaining("left by a socket that did not set SO_REUSEPORT");
	}

	private static void closeOneConnectionServerFirst(ServerSocketChannel server, int port) throws IOException {
		try (SocketChannel client = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
			server.accept().close();
			assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
		}
	}

}
