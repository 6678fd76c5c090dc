package org.portreservation.unix;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.portreservation.JavaProcess;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A UDP port of a held block is never free for another user, whether a channel bound from
 * the block is open or closed, and the channel still gets every datagram sent to it.
 */
@EnabledOnOs(OS.LINUX)
class UdpGuardTests {

	private static final int NOBODY = 65534;

	private static final int DATAGRAMS = 1500;

	private final PortReservations reservations = new UnixPortReservations();

	@BeforeEach
	void needsNobody() {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv(), "skipped: needs root and setpriv to run a JVM as nobody");
	}

	@Test
	void anotherUsersTightBindLoopNeverGetsThePortOfAClosedChannel() throws Exception {
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 1);
				JavaProcess intruder = Intruder
					.hammer(Protocol.UDP, reservation.startPort(), reservation.startPort(), 2000)
					.startAs(NOBODY)) {
			assertThat(intruder.readLine()).isEqualTo("started");
			int closed = 0;
			long end = System.nanoTime() + 1_000_000_000L;
			while (System.nanoTime() < end) {
				try {
					reservation.openDatagramChannel().close();
					closed++;
				}
				catch (PortReservationException ex) {
					// Taken while unguarded: what the intruder reports.
				}
				// Longer than a sweep, with no call that would guard the port sooner.
				Thread.sleep(2 * Reguard.INTERVAL_MILLIS);
			}
			assertThat(closed).isPositive();
			assertThat(intruder.readLineStartingWith("taken ")).isEqualTo("0");
		}
	}

	@ParameterizedTest
	@EnumSource(BoundChannel.class)
	void otherAddressesOfThePortStayGuardedWhileAChannelIsBound(BoundChannel kind) throws IOException {
		PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 1);
		int port = reservation.startPort();
		try (DatagramChannel peer = openPeer(); DatagramChannel channel = kind.bind(reservation, peer)) {
			assertThat(taken(Intruder.bindAt(Protocol.UDP, port, "127.0.0.2", "::1", "0.0.0.0", "::"))).isZero();
		}
		finally {
			reservation.close();
		}
		assertThat(taken(Intruder.bindAt(Protocol.UDP, port, "127.0.0.2", "::1")))
			.as("the same binds once the block is released")
			.isEqualTo(4);
	}

	@ParameterizedTest
	@EnumSource(BoundChannel.class)
	void theBoundChannelGetsEveryDatagramEveryTimeItIsBound(BoundChannel kind) throws Exception {
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 1);
				DatagramChannel peer = openPeer()) {
			for (int round = 0; round < 2; round++) {
				try (DatagramChannel channel = kind.bind(reservation, peer)) {
					for (InetAddress target : kind.targets()) {
						InetSocketAddress address = new InetSocketAddress(target, reservation.startPort());
						List<DatagramChannel> senders = (kind == BoundChannel.CONNECTED) ? List.of(peer)
								: openSenders(target, 30);
						try {
							assertThat(received(channel, address, senders))
								.as("datagrams to %s, round %d", target, round)
								.isEqualTo(DATAGRAMS);
						}
						finally {
							if (senders.get(0) != peer) {
								closeAll(senders);
							}
						}
					}
				}
			}
		}
	}

	@Test
	void whereDatagramsCannotBeSteeredTheBackendSaysSoAndTheSweeperGuardsAClosedChannelsPort() throws Exception {
		// Without its native library JNA makes no call, as on a system it does not
		// support.
		try (JavaProcess holder = Intruder.holder(Protocol.UDP, 1, true, "jna.nounpack=true", "jna.nosys=true")
			.start()) {
			assertThat(holder.readLineStartingWith("backend ")).contains("; limits here: a UDP port is unguarded while "
					+ "a channel bound from the block is open, on the addresses that channel does not cover, and for "
					+ "up to about 20 ms after it closes, because its datagrams cannot be steered past the placeholder "
					+ "to the channel here: JNA could not load the C library");
			int port = Integer.parseInt(holder.readLineStartingWith("block ").split(" ")[0]);
			assertThat(holder.readLine()).isEqualTo("ready");
			holder.send("close the channel");
			assertThat(holder.readLine()).isEqualTo("closed");
			Thread.sleep(25 * Reguard.INTERVAL_MILLIS);
			assertThat(taken(Intruder.bind(Protocol.UDP, port, port))).isZero();
		}
	}

	/** The channel a connected channel is connected to. */
	private static DatagramChannel openPeer() throws IOException {
		return DatagramChannel.open(StandardProtocolFamily.INET)
			.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
	}

	/**
	 * Channels on as many source ports: the kernel would spread their datagrams over
	 * every member of a reuse-port group.
	 */
	private static List<DatagramChannel> openSenders(InetAddress address, int count) throws IOException {
		ProtocolFamily family = (address instanceof Inet4Address) ? StandardProtocolFamily.INET
				: StandardProtocolFamily.INET6;
		List<DatagramChannel> senders = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				senders.add(DatagramChannel.open(family).bind(new InetSocketAddress(address, 0)));
			}
			return senders;
		}
		catch (IOException ex) {
			closeAll(senders);
			throw ex;
		}
	}

	/**
	 * Sends {@value #DATAGRAMS} datagrams, spread over the senders, and counts what the
	 * channel got.
	 */
	private static int received(DatagramChannel channel, InetSocketAddress target, List<DatagramChannel> senders)
			throws Exception {
		channel.configureBlocking(false);
		int received = 0;
		for (int sent = 1; sent <= DATAGRAMS; sent++) {
			senders.get(sent % senders.size()).send(ByteBuffer.wrap(new byte[] { (byte) sent }), target);
			if (sent % 50 == 0) {
				received += drain(channel, sent - received);
			}
		}
		return received;
	}

	private static void closeAll(List<DatagramChannel> channels) throws IOException {
		for (DatagramChannel channel : channels) {
			channel.close();
		}
	}

	/** Receives up to {@code expected} datagrams, waiting at most 200 ms for them. */
	private static int drain(DatagramChannel channel, int expected) throws Exception {
		int count = 0;
		long deadline = System.nanoTime() + 200_000_000L;
		while (count < expected && System.nanoTime() < deadline) {
			if (channel.receive(ByteBuffer.allocate(16)) != null) {
				count++;
			}
			else {
				Thread.sleep(1);
			}
		}
		return count;
	}

	private static int taken(Intruder.Command command) {
		try (JavaProcess intruder = command.startAs(NOBODY)) {
			int taken = Integer.parseInt(intruder.readLineStartingWith("taken "));
			assertThat(intruder.waitFor()).as("the intruder's exit code; its stderr: %s", intruder.errors()).isZero();
			return taken;
		}
	}

	/**
	 * The ways a UDP channel is bound from a block, and where datagrams to it come from.
	 */
	enum BoundChannel {

		WILDCARD {
			@Override
			DatagramChannel bind(PortReservation reservation, DatagramChannel peer) {
				return reservation.openDatagramChannel();
			}

			@Override
			List<InetAddress> targets() throws IOException {
				return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
			}
		},

		LOOPBACK {
			@Override
			DatagramChannel bind(PortReservation reservation, DatagramChannel peer) throws IOException {
				DatagramChannel channel = DatagramChannel.open();
				reservation.bind(channel, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
				return channel;
			}
		},

		IPV4_ONLY {
			@Override
			DatagramChannel bind(PortReservation reservation, DatagramChannel peer) throws IOException {
				DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
				reservation.bind(channel, null);
				return channel;
			}
		},

		CONNECTED {
			@Override
			DatagramChannel bind(PortReservation reservation, DatagramChannel peer) throws IOException {
				DatagramChannel channel = reservation.openDatagramChannel();
				channel.connect(peer.getLocalAddress());
				return channel;
			}
		};

		/**
		 * Binds a channel from the block; a connected one gets only what {@code peer}
		 * sends.
		 */
		abstract DatagramChannel bind(PortReservation reservation, DatagramChannel peer) throws IOException;

		List<InetAddress> targets() throws IOException {
			return List.of(InetAddress.getByName("127.0.0.1"));
		}

	}

}
