package org.portreservation.unix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.FreeBlocks;
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

	private final PortReservations reservations = new UnixPortReservations();

	@Test
	void tenThousandAcquireCloseCyclesLeaveTheDescriptorCountWhereItStarted() throws IOException {
		cycle(0);
		long before = openDescriptors();
		for (int i = 1; i <= 10_000; i++) {
			cycle(i);
		}
		assertThat(openDescriptors()).isEqualTo(before);
	}

	@Test
	void failedAcquiresLeaveNoSocketNoLockAndNoDescriptor() throws IOException {
		int start = FreeBlocks.start(this.reservations, Protocol.TCP, 4);
		try (ServerSocketChannel foreign = ServerSocketChannel.open()) {
			foreign.bind(new InetSocketAddress(start + 3));
			tryOverForeignSocket(start);
			long before = openDescriptors();
			for (int i = 0; i < 1000; i++) {
				tryOverForeignSocket(start);
			}
			assertThat(openDescriptors()).isEqualTo(before);
			try (PortReservation held = this.reservations.acquire(Protocol.TCP, start, 3)) {
				assertThat(held.freePorts()).containsExactly(start, start + 1, start + 2);
			}
		}
	}

	@Test
	void failedAcquireOverAnotherReservationOfThisProcessLeavesItIntact() throws IOException {
		try (PortReservation held = this.reservations.acquire(Protocol.UDP, 0, 4)) {
			long before = openDescriptors();
			for (int i = 0; i < 100; i++) {
				assertThatThrownBy(() -> this.reservations.acquire(Protocol.UDP, held.endPort(), 3))
					.isInstanceOf(PortsInUseException.class)
					.hasMessageContaining("is reserved by another reservation of this process");
			}
			assertThat(openDescriptors()).isEqualTo(before);
			try (PortReservation after = this.reservations.acquire(Protocol.UDP, held.endPort() + 1, 2)) {
				assertThat(after.startPort()).isEqualTo(held.endPort() + 1);
			}
		}
	}

	@Test
	void aBlockCostsOneDescriptorPerPort() throws IOException {
		long before = openDescriptors();
		long socketsBefore = openSockets();
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 50)) {
			assertThat(openSockets() - socketsBefore).isEqualTo(50);
			// At most one more: the lock file, shared by every block of this JVM.
			assertThat(openDescriptors() - before).isBetween(50L, 51L);
			assertThat(reservation.freePorts()).hasSize(50);
		}
		assertThat(openDescriptors()).isEqualTo(before);
	}

	private void cycle(int i) throws IOException {
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
		}
	}

	private void tryOverForeignSocket(int start) {
		assertThatThrownBy(() -> this.reservations.acquire(Protocol.TCP, start, 4))
			.isInstanceOf(PortsInUseException.class)
			.hasMessageStartingWith("Port " + (start + 3) + " of the tcp block " + start + "-" + (start + 3)
					+ " is in use by process " + ProcessHandle.current().pid());
	}

	static long openSockets() throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.filter((descriptor) -> {
				try {
					return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
				}
				catch (IOException ex) {
					return false;
				}
			}).count();
		}
	}

	static long openDescriptors() throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.count();
		}
	}

}
