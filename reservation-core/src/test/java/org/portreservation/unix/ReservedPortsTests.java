package org.portreservation.unix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.PortClaim;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Persistent reservations through {@code net.ipv4.ip_local_reserved_ports}: run where it
 * is writable, and the original value is written back after each test.
 */
@EnabledOnOs(OS.LINUX)
class ReservedPortsTests {

	private final PortReservations reservations = new UnixPortReservations();

	private String original;

	private int start;

	@BeforeEach
	void saveTheKernelList() throws IOException {
		assumeTrue(Files.isWritable(KernelPorts.RESERVED_PORTS), "skipped: " + KernelPorts.RESERVED_PORTS
				+ " is not writable by this user (needs root or CAP_NET_ADMIN)");
		this.original = KernelPorts.read(KernelPorts.RESERVED_PORTS).trim();
		int[] ephemeral = KernelPorts.ephemeralRange();
		try (PortReservation free = FreeBlocks.acquireBetween(this.reservations, Protocol.TCP, 1000, ephemeral[0],
				ephemeral[1])) {
			this.start = free.startPort();
		}
	}

	@AfterEach
	void restoreTheKernelList() throws IOException {
		if (this.original != null) {
			Files.writeString(KernelPorts.RESERVED_PORTS, this.original.isEmpty() ? "\n" : this.original);
			assertThat(KernelPorts.read(KernelPorts.RESERVED_PORTS).trim()).isEqualTo(this.original);
		}
	}

	@Test
	void createMergesIntoTheListLookupFindsItAndDeleteRemovesExactlyIt() throws IOException {
		Files.writeString(KernelPorts.RESERVED_PORTS, "1999");
		PortReservation created = this.reservations.createPersistent(Protocol.TCP, this.start, 1000);
		assertThat(created.persistent()).isTrue();
		assertThat(kernelList()).isEqualTo("1999," + this.start + "-" + (this.start + 999));
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, this.start, 1000)).isPresent();
		assertThat(this.reservations.lookupPersistent(Protocol.UDP, this.start, 1000))
			.as("Linux's list covers both protocols")
			.isPresent();
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, this.start, 1001)).isEmpty();
		this.reservations.deletePersistent(Protocol.TCP, this.start + 10, 10);
		assertThat(kernelList()).isEqualTo(
				"1999," + this.start + "-" + (this.start + 9) + "," + (this.start + 20) + "-" + (this.start + 999));
		this.reservations.deletePersistent(Protocol.TCP, this.start, 10);
		this.reservations.deletePersistent(Protocol.TCP, this.start + 20, 980);
		assertThat(kernelList()).isEqualTo("1999");
	}

	@Test
	void overlappingCreateIsRefusedAndChangesNothing() throws IOException {
		this.reservations.createPersistent(Protocol.TCP, this.start, 10);
		assertThatThrownBy(() -> this.reservations.createPersistent(Protocol.UDP, this.start + 5, 10))
			.isInstanceOf(PortsInUseException.class)
			.hasMessageStartingWith("Port " + (this.start + 5) + " of the block " + (this.start + 5) + "-"
					+ (this.start + 14) + " is already in net.ipv4.ip_local_reserved_ports");
		assertThat(kernelList()).contains(this.start + "-" + (this.start + 9))
			.doesNotContain(Integer.toString(this.start + 14));
	}

	@Test
	void deleteOrLookupOfAMissingBlockSaysSo() {
		assertThatThrownBy(() -> this.reservations.deletePersistent(Protocol.TCP, this.start, 5))
			.isInstanceOf(ReservationNotFoundException.class)
			.hasMessageStartingWith("No persistent reservation covers " + this.start + "-" + (this.start + 4));
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, this.start, 5)).isEmpty();
	}

	@Test
	void keepsBindZeroAndConnectOutOfTheBlockForBothProtocolsButNotExplicitBinds() {
		this.reservations.createPersistent(Protocol.TCP, this.start, 1000);
		int first = this.start;
		int last = this.start + 999;
		for (Protocol protocol : Protocol.values()) {
			assertThat(Intruder.autobind(protocol, first, last, 3000).taken()).isZero();
			assertThat(Intruder.connect(protocol, first, last, 1000).taken()).isZero();
			assertThat(Intruder.bind(protocol, first, first).taken()).as("explicit binds are not kept out")
				.isPositive();
		}
		this.reservations.deletePersistent(Protocol.TCP, this.start, 1000);
		assertThat(Intruder.autobind(Protocol.TCP, first, last, 3000).taken()).as("once deleted").isPositive();
	}

	@Test
	void bindsFromThePersistentBlockPastPortsOthersHold() throws IOException {
		PortReservation block = this.reservations.createPersistent(Protocol.TCP, this.start, 3);
		List<ServerSocketChannel> channels = new ArrayList<>();
		try (ServerSocketChannel foreign = ServerSocketChannel.open()) {
			foreign.bind(new InetSocketAddress(this.start));
			channels.add(block.openServerSocketChannel());
			channels.add(block.openServerSocketChannel(this.start + 2));
			assertThat(channels).extracting((channel) -> ((InetSocketAddress) channel.getLocalAddress()).getPort())
				.containsExactly(this.start + 1, this.start + 2);
			assertThatThrownBy(block::openServerSocketChannel)
				.hasMessageStartingWith("Every free port of the tcp block " + this.start + "-" + (this.start + 2)
						+ " (persistent) is bound by another socket");
		}
		finally {
			for (ServerSocketChannel channel : channels) {
				channel.close();
			}
			block.close();
		}
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, this.start, 3)).as("close keeps it").isPresent();
	}

	@Test
	void claimedPortOfAPersistentBlockIsInUseAndBoundByTheSocketItself() throws IOException {
		PortReservation block = this.reservations.createPersistent(Protocol.TCP, this.start, 2);
		try (PortClaim claim = block.claim(0); ServerSocketChannel socket = ServerSocketChannel.open()) {
			socket.bind(new InetSocketAddress(claim.port()));
			assertThat(claim.port()).isEqualTo(this.start);
			assertThat(block.portsInUse()).containsExactly(this.start);
			try (ServerSocketChannel channel = block.openServerSocketChannel()) {
				assertThat(((InetSocketAddress) channel.getLocalAddress()).getPort()).isEqualTo(this.start + 1);
			}
		}
		finally {
			block.close();
		}
		this.reservations.deletePersistent(Protocol.TCP, this.start, 2);
	}

	@Test
	void withoutThePrivilegeCreateIsDeniedWithTheCommandToRun() {
		assumeTrue(isRootWithSetpriv(), "skipped: needs root and setpriv to run a second JVM as nobody");
		try (JavaProcess unprivileged = Intruder.persist(this.start, 10).startAs(65534)) {
			assertThat(unprivileged.readLine()).isEqualTo("refused ReservationAccessDeniedException Writing "
					+ "net.ipv4.ip_local_reserved_ports needs root or CAP_NET_ADMIN; an administrator can run: sudo "
					+ "sysctl -w net.ipv4.ip_local_reserved_ports="
					+ (this.original.isEmpty() ? "" : this.original + ",") + this.start + "-" + (this.start + 9));
		}
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, this.start, 10)).isEmpty();
	}

	@Test
	void backendTellsAnUnprivilegedUserWhyPersistentReservationsAreUnavailable() {
		assertThat(this.reservations.backend().persistentSupported()).isTrue();
		assumeTrue(isRootWithSetpriv(), "skipped: needs root and setpriv to run a second JVM as nobody");
		try (JavaProcess unprivileged = Intruder.backend().startAs(65534)) {
			assertThat(unprivileged.readLine()).isEqualTo("linux (held sockets), persistent reservations unavailable: "
					+ "writing net.ipv4.ip_local_reserved_ports needs root or CAP_NET_ADMIN in this network namespace; "
					+ "run as root, or let an administrator run 'sudo sysctl -w net.ipv4.ip_local_reserved_ports="
					+ "<ports>'");
		}
	}

	static boolean isRootWithSetpriv() {
		return "root".equals(System.getProperty("user.name"))
				&& Files.isExecutable(java.nio.file.Path.of("/usr/bin/setpriv"));
	}

	private static String kernelList() throws IOException {
		return KernelPorts.read(KernelPorts.RESERVED_PORTS).trim();
	}

}
