package org.portreservation.unix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding the holder of a lock range or a port through {@code /proc}, with real POSIX
 * locks and real sockets of this process.
 */
@EnabledOnOs(OS.LINUX)
class PortOwnersTests {

	private static final long PID = ProcessHandle.current().pid();

	/**
	 * The kernel's name of this process's command, as {@code /proc/<pid>/comm} has it.
	 */
	private static final String COMMAND = Path.of(ProcessHandle.current().info().command().orElseThrow())
		.getFileName()
		.toString();

	@TempDir
	Path directory;

	@Test
	void aLockRunningToTheEndOfTheFileHoldsEveryLaterByte() throws IOException {
		Path file = this.directory.resolve("tcp.lock");
		try (FileChannel channel = open(file)) {
			channel.lock(0, Long.MAX_VALUE, false);
			assertThat(PortOwners.ofLock(file, 40000, 40007))
				.contains(new PortOwners.LockedByte(40000, new PortOwners.Owner(PID, COMMAND)));
		}
	}

	@Test
	void aLockEndingBelowTheRangeIsNotReportedButOneEndingAtItsFirstByteIs() throws IOException {
		Path file = this.directory.resolve("tcp.lock");
		try (FileChannel channel = open(file)) {
			channel.lock(10, 10, false);
			assertThat(PortOwners.ofLock(file, 20, 30)).isEmpty();
			channel.lock(20, 1, false);
			assertThat(PortOwners.ofLock(file, 20, 30)).map(PortOwners.LockedByte::position).contains(20L);
		}
	}

	@Test
	void aLockStartingPastTheRangeIsNotReportedButOneStartingAtItsLastByteIs() throws IOException {
		Path file = this.directory.resolve("tcp.lock");
		try (FileChannel channel = open(file)) {
			channel.lock(31, 5, false);
			assertThat(PortOwners.ofLock(file, 20, 30)).isEmpty();
			channel.lock(30, 1, false);
			assertThat(PortOwners.ofLock(file, 20, 30)).map(PortOwners.LockedByte::position).contains(30L);
		}
	}

	@Test
	void theLowestLockedByteOfTheRangeIsReportedWhateverTheOrderOfTheLocks() throws IOException {
		Path file = this.directory.resolve("tcp.lock");
		try (FileChannel channel = open(file)) {
			channel.lock(25, 2, false);
			channel.lock(22, 2, false);
			channel.lock(28, 2, false);
			assertThat(PortOwners.ofLock(file, 20, 30)).map(PortOwners.LockedByte::position).contains(22L);
		}
	}

	@Test
	void locksOfAnotherFileAreNotReported() throws IOException {
		Path file = this.directory.resolve("tcp.lock");
		try (FileChannel channel = open(file); FileChannel other = open(this.directory.resolve("udp.lock"))) {
			other.lock(20, 10, false);
			assertThat(PortOwners.ofLock(file, 20, 30)).isEmpty();
		}
	}

	@Test
	void theProcessHoldingABoundSocketIsNamedWithItsCommand() throws IOException {
		try (ServerSocketChannel tcp = ServerSocketChannel.open(); DatagramChannel udp = DatagramChannel.open()) {
			tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			udp.bind(new InetSocketAddress(0));
			int tcpPort = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
			int udpPort = ((InetSocketAddress) udp.getLocalAddress()).getPort();
			assertThat(PortOwners.ofPort(Protocol.TCP, tcpPort)).contains(new PortOwners.Owner(PID, COMMAND));
			assertThat(PortOwners.ofPort(Protocol.UDP, udpPort)).contains(new PortOwners.Owner(PID, COMMAND));
			assertThat(PortOwners.ofPort(Protocol.TCP, tcpPort).orElseThrow())
				.hasToString("process " + PID + " (" + COMMAND + ")");
		}
	}

	@Test
	void aPortNoSocketHoldsHasNoOwner() throws IOException {
		int port;
		try (ServerSocketChannel tcp = ServerSocketChannel.open()) {
			tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			port = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
		}
		assertThat(PortOwners.ofPort(Protocol.TCP, port)).isEmpty();
	}

	private static FileChannel open(Path file) throws IOException {
		Files.createFile(file);
		return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
	}

}
