package org.portreservation.unix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.BitSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.FreeBlocks;
import org.portreservation.PortBlock;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * File descriptors and locks: acquiring, releasing and failing leave none behind.
 */
@EnabledOnOs(OS.LINUX)
class ResourceTests {

	/**
	 * The kernel's name of this process's command, as {@code /proc/<pid>/comm} has it.
	 */
	private static final String COMMAND = Path.of(ProcessHandle.current().info().command().orElseThrow())
		.getFileName()
		.toString();

	private final PortReservations reservations = new UnixPortReservations();

	private final Path lockDirectory = UnixPortReservations.defaultLockDirectory();

	/**
	 * Lock files this JVM had open before the test: other tests' reservations may hold
	 * one.
	 */
	private long lockFilesBefore;

	@BeforeEach
	void countTheLockFilesAlreadyOpen() throws IOException {
		this.lockFilesBefore = LibraryDescriptors.filesIn(this.lockDirectory);
	}

	@Test
	void tenThousandAcquireCloseCyclesLeaveNoSocketAndNoLockFileOpen() throws IOException {
		BitSet ports = new BitSet();
		for (int i = 0; i < 10_000; i++) {
			PortBlock block = cycle(i);
			ports.set(block.startPort(), block.endPort() + 1);
		}
		assertThat(LibraryDescriptors.sockets(ports)).isZero();
		assertThat(LibraryDescriptors.filesIn(this.lockDirectory)).isEqualTo(this.lockFilesBefore);
	}

	@Test
	void failedAcquiresLeaveNoSocketNoLockAndNoDescriptor() throws IOException {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 4);
		BitSet ports = new BitSet();
		ports.set(start, start + 4);
		try (ServerSocketChannel foreign = ServerSocketChannel.open()) {
			foreign.bind(new InetSocketAddress(start + 3));
			for (int i = 0; i < 1000; i++) {
				tryOverForeignSocket(start);
			}
			assertThat(LibraryDescriptors.sockets(ports)).as("only the foreign socket").isOne();
			assertThat(LibraryDescriptors.filesIn(this.lockDirectory)).isEqualTo(this.lockFilesBefore);
			try (PortReservation held = this.reservations.acquire(Protocol.TCP, start, 3)) {
				assertThat(held.freePorts()).containsExactly(start, start + 1, start + 2);
			}
		}
	}

	@Test
	void failedAcquireOverAnotherReservationOfThisProcessLeavesItIntact() throws IOException {
		try (PortReservation held = this.reservations.acquire(Protocol.UDP, 0, 4)) {
			BitSet ports = new BitSet();
			ports.set(held.startPort(), held.endPort() + 3);
			for (int i = 0; i < 100; i++) {
				assertThatThrownBy(() -> this.reservations.acquire(Protocol.UDP, held.endPort(), 3))
					.isInstanceOf(PortsInUseException.class)
					.hasMessageContaining("is reserved by another reservation of this process");
			}
			assertThat(LibraryDescriptors.sockets(ports)).as("the held block's placeholders").isEqualTo(4);
			assertThat(LibraryDescriptors.filesIn(this.lockDirectory)).isBetween(1L, this.lockFilesBefore + 1);
			try (PortReservation after = this.reservations.acquire(Protocol.UDP, held.endPort() + 1, 2)) {
				assertThat(after.startPort()).isEqualTo(held.endPort() + 1);
			}
		}
	}

	@Test
	void aBlockCostsOneDescriptorPerPortAndOneLockFileForAllBlocks() throws IOException {
		BitSet ports = new BitSet();
		try (PortReservation first = this.reservations.acquire(Protocol.TCP, 0, 50);
				PortReservation second = this.reservations.acquire(Protocol.TCP, 0, 10)) {
			ports.set(first.startPort(), first.endPort() + 1);
			ports.set(second.startPort(), second.endPort() + 1);
			assertThat(LibraryDescriptors.sockets(ports)).isEqualTo(60);
			assertThat(LibraryDescriptors.filesIn(this.lockDirectory)).isBetween(1L, this.lockFilesBefore + 1);
			assertThat(first.freePorts()).hasSize(50);
		}
		assertThat(LibraryDescriptors.sockets(ports)).isZero();
		assertThat(LibraryDescriptors.filesIn(this.lockDirectory)).isEqualTo(this.lockFilesBefore);
	}

	private PortBlock cycle(int i) throws IOException {
		Protocol protocol = (i % 2 == 0) ? Protocol.TCP : Protocol.UDP;
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 3)) {
			if (i % 100 == 0) {
				try (PortLease lease = reservation.lease()) {
					lease.handOff();
				}
				if (protocol == Protocol.TCP) {
					reservation.openServerSocketChannel().close();
				}
				else {
					DatagramChannel channel = reservation.openDatagramChannel();
					channel.close();
				}
			}
			return PortBlock.of(protocol, reservation.startPort(), reservation.numberOfPorts());
		}
	}

	private void tryOverForeignSocket(int start) {
		assertThatThrownBy(() -> this.reservations.acquire(Protocol.TCP, start, 4))
			.isInstanceOf(PortsInUseException.class)
			.hasMessageStartingWith("Port " + (start + 3) + " of the tcp block " + start + "-" + (start + 3)
					+ " is in use by process " + ProcessHandle.current().pid() + " (" + COMMAND + "): ");
	}

}
