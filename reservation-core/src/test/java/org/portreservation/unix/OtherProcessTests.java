package org.portreservation.unix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a second process sees while this one holds blocks: it tries every way of taking a
 * reserved port.
 */
@EnabledOnOs(OS.LINUX)
class OtherProcessTests {

	private final PortReservations reservations = new UnixPortReservations();

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void anotherProcessCannotBindAnyPortOfTheBlockExplicitly(Protocol protocol) throws IOException {
		PortReservation reservation = this.reservations.acquire(protocol, 0, 6);
		int first = reservation.startPort();
		int last = reservation.endPort();
		try (java.nio.channels.NetworkChannel bound = openFrom(reservation); PortLease leased = reservation.lease()) {
			assertThat(Intruder.bind(protocol, first, last).taken()).isZero();
		}
		finally {
			reservation.close();
		}
		assertThat(Intruder.bind(protocol, first, last).taken()).as("the same attempts once the block is released")
			.isPositive();
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void bindZeroAndConnectNeverPickAPortOfTheBlock(Protocol protocol) {
		int[] ephemeral = KernelPorts.ephemeralRange();
		PortReservation reservation = FreeBlocks.acquireBetween(this.reservations, protocol, 512, ephemeral[0],
				ephemeral[1]);
		int first = reservation.startPort();
		int last = reservation.endPort();
		try {
			assertThat(Intruder.autobind(protocol, first, last, 3000).taken()).isZero();
			assertThat(Intruder.connect(protocol, first, last, 1500).taken()).isZero();
		}
		finally {
			reservation.close();
		}
		// About 3000 * 512 / 28232 = 54 would land here: proof that the attempts reach
		// the block at all.
		assertThat(Intruder.autobind(protocol, first, last, 3000).taken()).as("bind(0) once the block is released")
			.isPositive();
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void aSameUserSocketWithSoReusePortJoinsOnlyAPortOurOwnChannelBoundTheOneDocumentedGap(Protocol protocol)
			throws IOException {
		assumeTrue(protocol == Protocol.TCP || DatagramSteering.unavailableReason().isEmpty(),
				"a UDP placeholder stays under our channel");
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 2)) {
			assertThat(Intruder.reusePort(protocol, reservation.startPort(), reservation.endPort()).taken())
				.as("before any channel of ours")
				.isZero();
			int bound;
			try (java.nio.channels.NetworkChannel channel = openFrom(reservation)) {
				bound = ((InetSocketAddress) channel.getLocalAddress()).getPort();
			}
			int other = (bound == reservation.startPort()) ? reservation.endPort() : reservation.startPort();
			assertThat(Intruder.reusePort(protocol, bound, bound).taken()).as("the port our channel bound")
				.isPositive();
			assertThat(Intruder.reusePort(protocol, other, other).taken()).as("the port it did not").isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void portOfAClosedChannelIsGuardedAgain(Protocol protocol) throws Exception {
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 1)) {
			openFrom(reservation).close();
			// Where datagrams cannot be steered, a UDP port has no placeholder while its
			// channel is open and the guard returns within a few sweeps.
			Thread.sleep(25 * Reguard.INTERVAL_MILLIS);
			int port = reservation.startPort();
			assertThat(Intruder.bind(protocol, port, port).taken()).isZero();
			assertThat(reservation.freePorts()).containsExactly(reservation.startPort());
		}
	}

	@Test
	void tcpPortIsNeverUnguardedWhileOurListenersComeAndGo() throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1);
				JavaProcess intruder = Intruder
					.hammer(Protocol.TCP, reservation.startPort(), reservation.startPort(), 1500)
					.start()) {
			assertThat(intruder.readLine()).isEqualTo("started");
			int cycles = 0;
			long end = System.nanoTime() + 1_000_000_000L;
			while (System.nanoTime() < end) {
				reservation.openServerSocketChannel().close();
				cycles++;
			}
			assertThat(cycles).isGreaterThan(100);
			assertThat(intruder.readLineStartingWith("taken ")).isEqualTo("0");
		}
	}

	@Test
	void udpPortIsNeverUnguardedWhileOurChannelsBind() throws Exception {
		List<DatagramChannel> channels = new ArrayList<>();
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 64);
				JavaProcess intruder = Intruder
					.hammer(Protocol.UDP, reservation.startPort(), reservation.endPort(), 1000)
					.start()) {
			assertThat(intruder.readLine()).isEqualTo("started");
			for (int i = 0; i < 64; i++) {
				channels.add(reservation.openDatagramChannel());
				Thread.sleep(5);
			}
			assertThat(intruder.readLineStartingWith("taken ")).isEqualTo("0");
		}
		finally {
			for (DatagramChannel channel : channels) {
				channel.close();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void leasedPortIsGuardedUntilHandOffAndGuardedAgainAfterTheLeaseEnds(Protocol protocol) throws Exception {
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 2)) {
			PortLease lease = reservation.lease();
			int port = lease.port();
			assertThat(Intruder.bind(protocol, port, port).taken()).isZero();
			int taken = lease.handOff(() -> Intruder.bind(protocol, port, port).taken());
			assertThat(taken).isPositive();
			assertThat(lease.isHandedOff()).isTrue();
			assertThat(reservation.freePorts()).doesNotContain(lease.port());
			lease.close();
			assertThat(reservation.freePorts()).contains(lease.port());
			assertThat(Intruder.bind(protocol, port, port).taken()).isZero();
		}
	}

	@Test
	void everyConnectionReachesTheListenerBoundOverThePlaceholder() throws IOException {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1);
				ServerSocketChannel server = reservation.openServerSocketChannel()) {
			InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), reservation.startPort());
			for (int i = 0; i < 100; i++) {
				try (SocketChannel client = SocketChannel.open(target); SocketChannel accepted = server.accept()) {
					assertThat(accepted.getRemoteAddress()).isEqualTo(client.getLocalAddress());
				}
			}
		}
	}

	@Test
	void twoProcessesUsingTheLibraryNeverHoldOverlappingBlocks() throws Exception {
		List<PortReservation> ours = new ArrayList<>();
		try (JavaProcess other = Intruder.acquire(40, 16).start()) {
			for (int i = 0; i < 10; i++) {
				ours.add(this.reservations.acquire(Protocol.TCP, 0, 16));
			}
			CompletableFuture<List<int[]>> theirs = CompletableFuture.supplyAsync(() -> blocksOf(other));
			for (int i = 0; i < 30; i++) {
				ours.add(this.reservations.acquire(Protocol.TCP, 0, 16));
			}
			List<int[]> otherBlocks = theirs.get();
			assertThat(otherBlocks).hasSize(40);
			BitSet held = new BitSet();
			for (PortReservation reservation : ours) {
				held.set(reservation.startPort(), reservation.endPort() + 1);
			}
			for (int[] block : otherBlocks) {
				BitSet overlap = new BitSet();
				overlap.set(block[0], block[1] + 1);
				overlap.and(held);
				assertThat(overlap.isEmpty()).as("block %d-%d of the other process overlaps ours", block[0], block[1])
					.isTrue();
				held.set(block[0], block[1] + 1);
			}
			other.send("exit");
			assertThat(other.waitFor()).isZero();
		}
		finally {
			ours.forEach(PortReservation::close);
		}
	}

	@Test
	void explicitRequestForABlockHeldByAnotherProcessNamesThatProcess() {
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 4);
				JavaProcess other = Intruder.acquireAt(Protocol.UDP, reservation.startPort() + 2, 4).start()) {
			assertThat(other.readLine()).isEqualTo("refused PortsInUseException Port " + (reservation.startPort() + 2)
					+ " of the udp block " + (reservation.startPort() + 2) + "-" + (reservation.startPort() + 5)
					+ " is reserved by process " + ProcessHandle.current().pid() + " (java) through portreservation:"
					+ " choose another block, or startPort 0 for any free block");
		}
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void instancesWithDifferentLockDirectoriesStillNeverOverlap(Protocol protocol) {
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 4);
				JavaProcess other = Intruder.acquireAtWithOwnLocks(protocol, reservation.startPort() + 3, 2).start()) {
			String refusal = "refused PortsInUseException Port " + reservation.endPort() + " of the " + protocol.label()
					+ " block " + reservation.endPort() + "-" + (reservation.endPort() + 1) + " is in use by ";
			// /proc/net/tcp does not list a TCP socket that is bound but neither listens
			// nor connects.
			assertThat(other.readLine()).startsWith(refusal + ((protocol == Protocol.UDP)
					? "process " + ProcessHandle.current().pid() : "another socket, whose owner /proc does not show"));
		}
	}

	@Test
	void explicitRequestOverAForeignSocketNamesItsProcess() throws IOException {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 3);
		try (ServerSocketChannel foreign = ServerSocketChannel.open()) {
			foreign.bind(new InetSocketAddress(start + 1));
			try (JavaProcess other = Intruder.acquireAt(Protocol.TCP, start, 3).start()) {
				assertThat(other.readLine())
					.isEqualTo("refused PortsInUseException Port " + (start + 1) + " of the tcp block " + start + "-"
							+ (start + 2) + " is in use by process " + ProcessHandle.current().pid()
							+ " (java): choose another block, or startPort 0 for any free " + "block");
			}
		}
	}

	@Test
	void everythingIsDroppedWhenTheHolderIsKilled() {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 4);
		try (JavaProcess holder = Intruder.acquireAt(Protocol.TCP, start, 4).start()) {
			assertThat(holder.readLine()).isEqualTo("block " + start + " " + (start + 3));
			assertThat(holder.readLine()).isEqualTo("ready");
			assertThat(Intruder.bind(Protocol.TCP, start, start + 3).taken()).isZero();
			holder.kill();
		}
		try (PortReservation again = this.reservations.acquire(Protocol.TCP, start, 4)) {
			assertThat(again.freePorts()).hasSize(4);
		}
	}

	@Test
	void privilegedPortWithoutThePrivilegeIsDeniedWithTheCommandToRun() {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv(), "skipped: needs root and setpriv to run a JVM as nobody");
		try (JavaProcess unprivileged = Intruder.acquireAt(Protocol.TCP, 1023, 1).startAs(65534)) {
			assertThat(unprivileged.readLine()).isEqualTo("refused ReservationAccessDeniedException Binding tcp port "
					+ "1023 needs root or CAP_NET_BIND_SERVICE (ports below net.ipv4.ip_unprivileged_port_start, 1024 "
					+ "by default, are privileged): an administrator can run 'sudo setcap cap_net_bind_service=+ep "
					+ "<path of java>' or 'sudo sysctl -w net.ipv4.ip_unprivileged_port_start=1023', or choose a port "
					+ "from 1024 up");
		}
	}

	private static java.nio.channels.NetworkChannel openFrom(PortReservation reservation) {
		return (reservation.protocol() == Protocol.TCP) ? reservation.openServerSocketChannel()
				: reservation.openDatagramChannel();
	}

	private static List<int[]> blocksOf(JavaProcess other) {
		List<int[]> blocks = new ArrayList<>();
		for (String line = other.readLine(); !line.equals("ready"); line = other.readLine()) {
			String[] parts = line.split(" ");
			blocks.add(new int[] { Integer.parseInt(parts[1]), Integer.parseInt(parts[2]) });
		}
		return blocks;
	}

}
