package org.portreservation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every backend shares, written once: each backend the machine can run has
 * a subclass.
 */
public abstract class PortReservationContractTests {

	private final List<AutoCloseable> resources = new ArrayList<>();

	/**
	 * The backend under test.
	 * @return the backend
	 */
	protected abstract PortReservations reservations();

	/**
	 * The name the backend under test gives itself on this machine.
	 * @return for example {@code linux (held sockets)}
	 */
	protected abstract String backendName();

	/**
	 * Runs what creates and deletes a persistent reservation where it changes nothing
	 * beyond the test, even if the test is killed half-way; as it is by default.
	 * @param <T> what the action returns
	 * @param action the action
	 * @return what it returned
	 * @throws Exception what it threw
	 */
	protected <T> T apartFromTheMachine(Callable<T> action) throws Exception {
		return action.call();
	}

	@AfterEach
	void closeResources() throws Exception {
		Collections.reverse(this.resources);
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	protected <T extends AutoCloseable> T closeLater(T resource) {
		this.resources.add(resource);
		return resource;
	}

	protected PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts) {
		return closeLater(reservations().acquire(protocol, startPort, numberOfPorts));
	}

	@Test
	void wildcardAcquireGivesABlockOfTheRequestedSize() {
		PortReservation reservation = acquire(Protocol.TCP, 0, 5);
		assertThat(reservation.protocol()).isEqualTo(Protocol.TCP);
		assertThat(reservation.numberOfPorts()).isEqualTo(5);
		assertThat(reservation.startPort()).isBetween(1, 65531);
		assertThat(reservation.endPort()).isEqualTo(reservation.startPort() + 4);
		assertThat(reservation.token()).isNotZero();
		assertThat(reservation.persistent()).isFalse();
		assertThat(reservation.freePorts()).hasSize(5).startsWith(reservation.startPort());
		assertThat(reservation.portsInUse()).isEmpty();
	}

	@Test
	void specificAcquireGivesExactlyThatBlock() {
		int start = FreeBlocks.start(reservations(), Protocol.UDP, 3);
		PortReservation reservation = acquire(Protocol.UDP, start, 3);
		assertThat(reservation.startPort()).isEqualTo(start);
		assertThat(reservation.endPort()).isEqualTo(start + 2);
		assertThat(reservation.contains(start)).isTrue();
		assertThat(reservation.contains(start + 2)).isTrue();
		assertThat(reservation.contains(start + 3)).isFalse();
		assertThat(reservation.contains(start - 1)).isFalse();
	}

	@Test
	void overlappingBlocksAreRefusedAndTheFirstStaysIntact() {
		PortReservation first = acquire(Protocol.TCP, 0, 4);
		assertThatThrownBy(() -> acquire(Protocol.TCP, first.startPort() + 2, 4))
			.isInstanceOf(PortsInUseException.class)
			.hasMessageContaining(Integer.toString(first.startPort() + 2))
			.satisfies((ex) -> assertThat(((PortsInUseException) ex).port()).isEqualTo(first.startPort() + 2));
		assertThat(first.freePorts()).hasSize(4);
		try (ServerSocketChannel channel = first.openServerSocketChannel(first.endPort())) {
			assertThat(port(channel.getLocalAddress())).isEqualTo(first.endPort());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void wildcardBlocksNeverOverlap() {
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			PortReservation reservation = acquire(Protocol.TCP, 0, 8);
			for (int port = reservation.startPort(); port <= reservation.endPort(); port++) {
				assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
			}
		}
	}

	@Test
	void serverChannelBindsAnyFreePortOfTheBlockAndAcceptsConnections() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 3);
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			InetSocketAddress bound = reservation.bind(server, 0);
			assertThat(reservation.contains(bound.getPort())).isTrue();
			assertThat(reservation.portsInUse()).containsExactly(bound.getPort());
			assertThat(reservation.freePorts()).hasSize(2).doesNotContain(bound.getPort());
			try (SocketChannel client = SocketChannel
				.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()));
					SocketChannel accepted = server.accept()) {
				client.write(ByteBuffer.wrap(new byte[] { 42 }));
				ByteBuffer received = ByteBuffer.allocate(1);
				accepted.read(received);
				assertThat(received.get(0)).isEqualTo((byte) 42);
			}
		}
	}

	@Test
	void namedPortInsideTheBlockIsBoundExactly() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 4);
		int wanted = reservation.startPort() + 2;
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			InetSocketAddress bound = reservation.bind(server,
					new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
			assertThat(bound.getPort()).isEqualTo(wanted);
			assertThat(bound.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
		}
	}

	@Test
	void portOutsideTheBlockIsRejectedBeforeBinding() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 2);
		int outside = (reservation.endPort() < 65535) ? reservation.endPort() + 1 : reservation.startPort() - 1;
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			assertThatThrownBy(() -> reservation.bind(server, new InetSocketAddress(outside), 0))
				.isInstanceOf(InvalidReservationArgumentException.class)
				.hasMessageContaining("port " + outside + " is outside the tcp block " + reservation.startPort() + "-"
						+ reservation.endPort());
			assertThat(server.getLocalAddress()).isNull();
		}
		assertThat(reservation.freePorts()).hasSize(2);
	}

	@Test
	void channelOfTheOtherProtocolIsRejected() throws IOException {
		PortReservation tcp = acquire(Protocol.TCP, 0, 1);
		PortReservation udp = acquire(Protocol.UDP, 0, 1);
		try (DatagramChannel datagram = DatagramChannel.open();
				ServerSocketChannel server = ServerSocketChannel.open()) {
			assertThatThrownBy(() -> tcp.bind(datagram, null)).isInstanceOf(InvalidReservationArgumentException.class)
				.hasMessageContaining("uses UDP but this is a tcp block");
			assertThatThrownBy(() -> udp.bind(server, 0)).isInstanceOf(InvalidReservationArgumentException.class)
				.hasMessageContaining("uses TCP but this is a udp block");
		}
	}

	@Test
	void boundOrClosedChannelsAreRejected() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 2);
		try (ServerSocketChannel bound = reservation.openServerSocketChannel()) {
			assertThatThrownBy(() -> reservation.bind(bound, 0)).isInstanceOf(InvalidReservationArgumentException.class)
				.hasMessageContaining("channel must be unbound, was bound to");
		}
		ServerSocketChannel closed = ServerSocketChannel.open();
		closed.close();
		assertThatThrownBy(() -> reservation.bind(closed, 0)).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("channel must be open, was closed");
		assertThatThrownBy(() -> reservation.bind((ServerSocketChannel) null, 0))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("channel must not be null");
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			assertThatThrownBy(() -> reservation.bind(server, -1))
				.isInstanceOf(InvalidReservationArgumentException.class)
				.hasMessage("backlog must be 0 (the system default) or a positive number, was -1");
		}
	}

	@Test
	void namedPortAlreadyBoundIsRefused() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 2);
		try (ServerSocketChannel first = reservation.openServerSocketChannel(reservation.startPort());
				ServerSocketChannel second = ServerSocketChannel.open()) {
			assertThatThrownBy(() -> reservation.bind(second, new InetSocketAddress(reservation.startPort()), 0))
				.isInstanceOf(PortsInUseException.class)
				.hasMessageContaining("Port " + reservation.startPort() + " of " + reservation + " is already bound");
		}
	}

	@Test
	void closedChannelGivesItsPortBackToTheBlock() throws IOException {
		PortReservation reservation = acquire(Protocol.UDP, 0, 1);
		DatagramChannel first = reservation.openDatagramChannel();
		int port = port(first.getLocalAddress());
		assertThat(reservation.freePorts()).isEmpty();
		first.close();
		assertThat(reservation.freePorts()).containsExactly(port);
		try (DatagramChannel second = reservation.openDatagramChannel()) {
			assertThat(port(second.getLocalAddress())).isEqualTo(port);
		}
	}

	@Test
	void bindAfterEveryPortIsTakenFailsWithExhausted() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 3);
		List<ServerSocketChannel> channels = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				channels.add(reservation.openServerSocketChannel());
			}
			assertThat(channels).extracting((channel) -> port(channel.getLocalAddress()))
				.containsExactlyInAnyOrderElementsOf(
						List.of(reservation.startPort(), reservation.startPort() + 1, reservation.endPort()));
			assertThatThrownBy(reservation::openServerSocketChannel).isInstanceOf(BlockExhaustedException.class)
				.hasMessageStartingWith(
						"All 3 ports of " + reservation + " are bound, leased or claimed by this process");
		}
		finally {
			for (ServerSocketChannel channel : channels) {
				channel.close();
			}
		}
	}

	@Test
	void sixteenThreadsBindingFromOneBlockNeverShareAPort() throws Exception {
		int ports = 12;
		PortReservation reservation = acquire(Protocol.TCP, 0, ports);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 16; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return closeLater(reservation.openServerSocketChannel());
					}
					catch (BlockExhaustedException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			Set<Integer> bound = new HashSet<>();
			int exhausted = 0;
			for (Future<Object> result : results) {
				Object outcome = result.get(30, TimeUnit.SECONDS);
				if (outcome instanceof ServerSocketChannel channel) {
					assertThat(bound.add(port(channel.getLocalAddress()))).isTrue();
				}
				else {
					assertThat(outcome).isInstanceOf(BlockExhaustedException.class);
					exhausted++;
				}
			}
			assertThat(bound).hasSize(ports).allMatch(reservation::contains);
			assertThat(exhausted).isEqualTo(16 - ports);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void clientChannelConnectsFromAPortOfTheBlock() throws IOException {
		PortReservation servers = acquire(Protocol.TCP, 0, 1);
		PortReservation clients = acquire(Protocol.TCP, 0, 2);
		try (ServerSocketChannel server = servers.openServerSocketChannel();
				SocketChannel client = SocketChannel.open()) {
			InetSocketAddress local = clients.bind(client, null);
			assertThat(clients.contains(local.getPort())).isTrue();
			client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(server.getLocalAddress())));
			try (SocketChannel accepted = server.accept()) {
				assertThat(port(accepted.getRemoteAddress())).isEqualTo(local.getPort());
			}
		}
	}

	@Test
	void datagramChannelReceivesEveryDatagramSentToItsPort() throws Exception {
		PortReservation reservation = acquire(Protocol.UDP, 0, 2);
		try (DatagramChannel receiver = reservation.openDatagramChannel();
				DatagramChannel sender = DatagramChannel.open()) {
			receiver.configureBlocking(false);
			InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(),
					port(receiver.getLocalAddress()));
			int received = 0;
			for (int i = 0; i < 200; i++) {
				sender.send(ByteBuffer.wrap(new byte[] { (byte) i }), target);
				received += drain(receiver, 1);
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (received < 200 && System.nanoTime() < deadline) {
				received += drain(receiver, 200 - received);
				Thread.sleep(5);
			}
			assertThat(received).isEqualTo(200);
		}
	}

	@Test
	void leaseSetsAPortAsideUntilClosed() {
		PortReservation reservation = acquire(Protocol.TCP, 0, 2);
		PortLease lease = reservation.lease();
		assertThat(reservation.contains(lease.port())).isTrue();
		assertThat(lease.reservation()).isSameAs(reservation);
		assertThat(lease.isHandedOff()).isFalse();
		assertThat(reservation.portsInUse()).containsExactly(lease.port());
		assertThatThrownBy(() -> reservation.lease(lease.port())).isInstanceOf(PortsInUseException.class)
			.hasMessageContaining("is already leased");
		lease.close();
		lease.close();
		assertThat(reservation.freePorts()).hasSize(2);
	}

	@Test
	void leasedPortsAreNeverBound() throws IOException {
		PortReservation reservation = acquire(Protocol.TCP, 0, 2);
		try (PortLease lease = reservation.lease(reservation.startPort());
				ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			assertThat(port(channel.getLocalAddress())).isEqualTo(reservation.endPort());
			assertThat(lease.port()).isEqualTo(reservation.startPort());
			assertThatThrownBy(reservation::openServerSocketChannel).isInstanceOf(BlockExhaustedException.class)
				.hasMessageContaining(reservation.startPort() + ": leased");
		}
	}

	@Test
	void closeIsIdempotentAndLeavesBoundChannelsOpen() throws IOException {
		PortReservation reservation = reservations().acquire(Protocol.TCP, 0, 2);
		try (ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			reservation.close();
			reservation.close();
			assertThat(reservation.isOpen()).isFalse();
			assertThat(channel.isOpen()).isTrue();
			assertThat(port(channel.getLocalAddress())).isBetween(reservation.startPort(), reservation.endPort());
			assertThat(reservation.freePorts()).isEmpty();
			assertThat(reservation.portsInUse()).isEmpty();
			assertThatThrownBy(reservation::openServerSocketChannel).isInstanceOf(PortReservationException.class)
				.hasMessageContaining("is closed");
			assertThatThrownBy(reservation::lease).isInstanceOf(PortReservationException.class)
				.hasMessageContaining("is closed");
		}
	}

	@Test
	void closedBlockCanBeAcquiredAgain() {
		PortReservation first = reservations().acquire(Protocol.UDP, 0, 4);
		first.close();
		PortReservation again = acquire(Protocol.UDP, first.startPort(), 4);
		assertThat(again.freePorts()).hasSize(4);
	}

	@Test
	void badArgumentsAreNamedWithWhatIsAllowed() {
		PortReservations backend = reservations();
		assertThatThrownBy(() -> backend.acquire(null, 0, 1)).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("protocol must be TCP or UDP, was null");
		assertThatThrownBy(() -> backend.acquire(Protocol.TCP, 0, 0))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("numberOfPorts must be between 1 and 65535, was 0");
		assertThatThrownBy(() -> backend.acquire(Protocol.TCP, 0, 65536))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("numberOfPorts must be between 1 and 65535, was 65536");
		assertThatThrownBy(() -> backend.acquire(Protocol.UDP, -1, 1))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("startPort must be 0 (any free block) or a port between 1 and 65535, was -1");
		assertThatThrownBy(() -> backend.acquire(Protocol.UDP, 65536, 1))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("startPort must be 0 (any free block) or a port between 1 and 65535, was 65536");
		assertThatThrownBy(() -> backend.acquire(Protocol.TCP, 65530, 7))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("numberOfPorts 7 makes the block 65530-65536 run past the highest port 65535: from startPort "
					+ "65530, numberOfPorts can be at most 6");
		assertThatThrownBy(() -> backend.createPersistent(Protocol.TCP, 0, 4))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("startPort must be a port between 1 and 65535 for a persistent reservation, was 0: any free "
					+ "block (0) exists only for runtime reservations");
		assertThatThrownBy(() -> backend.lookupPersistent(Protocol.TCP, 0, 4))
			.isInstanceOf(InvalidReservationArgumentException.class);
		assertThatThrownBy(() -> backend.deletePersistent(Protocol.UDP, 0, 4))
			.isInstanceOf(InvalidReservationArgumentException.class);
	}

	@Test
	void backendDescribesItselfAndWhetherPersistentReservationsWorkHere() throws Exception {
		BackendInfo info = reservations().backend();
		assertThat(info.name()).isEqualTo(backendName());
		int start = FreeBlocks.start(reservations(), Protocol.TCP, 2);
		if (info.persistentSupported()) {
			assertThat(info.persistentUnsupportedReason()).isEmpty();
			assertThat(info).hasToString(backendName() + ", persistent reservations supported");
			int found = apartFromTheMachine(() -> {
				PortReservation created = reservations().createPersistent(Protocol.TCP, start, 2);
				try (created;
						PortReservation lookedUp = reservations().lookupPersistent(Protocol.TCP, start, 2)
							.orElseThrow()) {
					return lookedUp.startPort();
				}
				finally {
					reservations().deletePersistent(Protocol.TCP, start, 2);
				}
			});
			assertThat(found).isEqualTo(start);
		}
		else {
			String reason = info.persistentUnsupportedReason().orElseThrow();
			assertThat(info).hasToString(backendName() + ", persistent reservations unavailable: " + reason);
			assertThatExceptionOfType(PortReservationException.class).isThrownBy(() -> {
				reservations().createPersistent(Protocol.TCP, start, 2).close();
				reservations().deletePersistent(Protocol.TCP, start, 2);
			}).isInstanceOfAny(ReservationAccessDeniedException.class, UnsupportedPlatformException.class);
		}
	}

	protected static int port(java.net.SocketAddress address) {
		return ((InetSocketAddress) address).getPort();
	}

	private static int drain(DatagramChannel channel, int max) throws IOException {
		int count = 0;
		while (count < max && channel.receive(ByteBuffer.allocate(16)) != null) {
			count++;
		}
		return count;
	}

}
