package org.portreservation.windows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who is kept out of a held Windows block, and what a release or a failed bind leaves
 * behind: asserted where the design depends on it, recorded through {@link #observed}
 * where no source says what Windows does. A subclass runs it against the kernel, another
 * against the stand-in.
 */
abstract class WindowsExclusionContractTests {

	/**
	 * The backend under test.
	 * @return the backend
	 */
	protected abstract PortReservations reservations();

	/**
	 * Keeps what was seen where no source says what Windows does.
	 * @param reporter the test's reporter
	 * @param question what was tried
	 * @param answer what happened
	 */
	protected abstract void observed(TestReporter reporter, String question, String answer);

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void keepsAnotherJvmOutOfAHeldBlockUntilItIsReleased(Protocol protocol) throws IOException {
		PortReservation reservation = reservations().acquire(protocol, 0, 3);
		int first = reservation.startPort();
		int last = reservation.endPort();
		try (NetworkChannel channel = (protocol == Protocol.TCP) ? reservation.openServerSocketChannel()
				: reservation.openDatagramChannel()) {
			assertThat(WindowsIntruder.bindInAnotherJvm(protocol, first, last)).as("binds while the block is held")
				.isEmpty();
		}
		finally {
			reservation.close();
		}
		assertThat(WindowsIntruder.bindInAnotherJvm(protocol, first, last)).as("binds once the block is released")
			.hasSize(3 * WindowsIntruder.waysPerPort(protocol));
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void recordsWhetherOtherSocketsOfThisProcessBindAPortOfAHeldBlock(Protocol protocol, TestReporter reporter) {
		try (PortReservation reservation = reservations().acquire(protocol, 0, 2)) {
			List<String> got = WindowsIntruder.bindHere(protocol, reservation.startPort(), reservation.endPort());
			observed(reporter, "binds of this process's own " + protocol.label() + " sockets, not associated, into a "
					+ "held block", summary(got, 2 * WindowsIntruder.waysPerPort(protocol)));
		}
	}

	@Test
	void recordsWhatReleasingABlockDoesToAChannelStillBoundFromIt(TestReporter reporter) throws IOException {
		PortReservation reservation = reservations().acquire(Protocol.TCP, 0, 2);
		try (ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			int port = port(channel);
			reservation.close();
			assertThat(channel.isOpen()).isTrue();
			assertThat(port(channel)).isEqualTo(port);
			observed(reporter, "a connection to a channel still bound from a released block",
					Observations.outcome(() -> connectTo(channel)));
			observed(reporter, "another JVM's binds of that channel's port",
					summary(WindowsIntruder.bindInAnotherJvm(Protocol.TCP, port, port),
							WindowsIntruder.waysPerPort(Protocol.TCP)));
		}
	}

	@Test
	void saysThatAFailedBindLeavesTheChannelAssociated(TestReporter reporter) throws IOException {
		try (PortReservation reservation = reservations().acquire(Protocol.TCP, 0, 2);
				SocketChannel squatter = SocketChannel.open();
				SocketChannel channel = SocketChannel.open()) {
			int port = reservation.startPort();
			PortReservationIoctls.associate(SocketHandles.of(squatter), reservation.token(), reservation, false);
			squatter.bind(new InetSocketAddress(port));
			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> reservation.bind(channel, new InetSocketAddress(port)))
				.withMessageContaining("the channel stays associated with the " + reservation)
				.withMessageContaining("close it");
			assertThat(channel.getLocalAddress()).isNull();
			int outside = portFreeOutsideBlocks();
			observed(reporter, "a bind outside the block of a channel that a failed bind left associated",
					Observations.outcome(() -> channel.bind(new InetSocketAddress(outside))));
		}
	}

	private static String summary(List<String> got, int tries) {
		return got.isEmpty() ? "refused all " + tries + " binds" : "got " + got.size() + " of " + tries + ": " + got;
	}

	private static void connectTo(ServerSocketChannel server) throws IOException {
		try (SocketChannel client = SocketChannel
			.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(server)));
				SocketChannel accepted = server.accept()) {
			assertThat(accepted.getRemoteAddress()).isEqualTo(client.getLocalAddress());
		}
	}

	private static int portFreeOutsideBlocks() throws IOException {
		try (SocketChannel probe = SocketChannel.open()) {
			return port(probe.bind(new InetSocketAddress(0)));
		}
	}

	private static int port(NetworkChannel channel) throws IOException {
		return ((InetSocketAddress) channel.getLocalAddress()).getPort();
	}

}
