package org.portreservation.unix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.portreservation.NoFreeBlockException;
import org.portreservation.PortBlock;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationAccessDeniedException;
import org.portreservation.ReservationNotFoundException;
import org.portreservation.UnsupportedPlatformException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each failure of the Unix backend says, including those a root test process cannot
 * run into: a denied or read-only {@code ip_local_reserved_ports}, a privileged port.
 */
class UnixErrorsTests {

	private static final PortBlock BLOCK = PortBlock.of(Protocol.TCP, 40000, 4);

	@TempDir
	Path directory;

	@Test
	@EnabledOnOs(OS.LINUX)
	void aSocketInTheWayIsNamedWithItsProcess() throws IOException {
		try (ServerSocketChannel socket = ServerSocketChannel.open()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
			PortBlock block = PortBlock.of(Protocol.TCP, port, 1);
			PortReservationException ex = UnixErrors.inUse(block, new HeldBlock.PortBusy(port, false, null),
					this.directory.resolve("tcp.lock"));
			assertThat(ex).isInstanceOf(PortsInUseException.class)
				.hasMessageStartingWith("Port " + port + " of the tcp block " + port + "-" + port + " is in use by "
						+ "process " + ProcessHandle.current().pid() + " (");
			assertThat(((PortsInUseException) ex).ownerPid()).hasValue(ProcessHandle.current().pid());
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aLockOfThisProcessIsAnotherReservationOfThisProcess() throws IOException {
		Path lockFile = this.directory.resolve("tcp.lock");
		Files.createFile(lockFile);
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			channel.lock(40002, 4, false);
			PortReservationException ex = UnixErrors.inUse(BLOCK, new HeldBlock.PortBusy(40000, true, null), lockFile);
			assertThat(ex).isInstanceOf(PortsInUseException.class)
				.hasMessage("Port 40002 of the tcp block 40000-40003 is reserved by another reservation of this "
						+ "process: choose another block, or startPort 0 for any free block");
			assertThat(((PortsInUseException) ex).port()).isEqualTo(40002);
		}
	}

	@Test
	void aLockWhoseHolderIsUnknownNamesTheLockFile() {
		Path lockFile = this.directory.resolve("tcp.lock");
		PortReservationException ex = UnixErrors.inUse(BLOCK, new HeldBlock.PortBusy(40000, true, null), lockFile);
		assertThat(ex).isInstanceOf(PortsInUseException.class)
			.hasMessage("The tcp block 40000-40003 overlaps a block reserved through portreservation (lock file "
					+ lockFile + "): choose another block, or startPort 0 for any free block");
	}

	@Test
	void aPrivilegedPortNamesTheCommandsThatAllowIt() {
		assertThat(UnixErrors.accessDenied(Protocol.UDP, 80, null)).isInstanceOf(ReservationAccessDeniedException.class)
			.hasMessageStartingWith("Binding udp port 80 needs root or CAP_NET_BIND_SERVICE")
			.hasMessageContaining("'sudo sysctl -w net.ipv4.ip_unprivileged_port_start=80'");
	}

	@Test
	void noFreeBlockSaysWhereTheSearchLooked() {
		assertThat(UnixErrors.noFreeBlock(PortBlock.anyFree(Protocol.UDP, 8), 1024, 65535, new int[] { 32768, 60999 }))
			.isInstanceOf(NoFreeBlockException.class)
			.hasMessageStartingWith("No free block of 8 contiguous udp ports between 1024 and 65535 (looked outside "
					+ "the ephemeral range 32768-60999 first");
	}

	@Test
	void anotherFailureToHoldNamesTheBlockAndTheCause() {
		IOException cause = new IOException("Too many open files");
		assertThat(UnixErrors.holdFailed(BLOCK, cause))
			.hasMessage("Could not hold the tcp block 40000-40003: java.io.IOException: Too many open files")
			.hasCause(cause);
	}

	@Test
	void persistentFailuresShowTheKernelList() {
		BitSet reserved = KernelPorts.parse("8080,40002-40010");
		assertThat(UnixErrors.alreadyReserved(BLOCK, 40002, reserved)).isInstanceOf(PortsInUseException.class)
			.hasMessageStartingWith("Port 40002 of the block 40000-40003 is already in "
					+ "net.ipv4.ip_local_reserved_ports (8080,40002-40010)");
		assertThat(UnixErrors.notFound(BLOCK, reserved)).isInstanceOf(ReservationNotFoundException.class)
			.hasMessageStartingWith("No persistent reservation covers 40000-40003: "
					+ "net.ipv4.ip_local_reserved_ports is '8080,40002-40010'");
		assertThat(UnixErrors.noReservedPorts()).isInstanceOf(UnsupportedPlatformException.class)
			.hasMessageContaining("(" + System.getProperty("os.name") + ") lacks");
	}

	@Test
	void aDeniedOrReadOnlyWriteGivesTheCommandWithTheWholeList() {
		IOException cause = new IOException("denied");
		assertThat(UnixErrors.writeDenied("8080,40000-40003", cause))
			.isInstanceOf(ReservationAccessDeniedException.class)
			.hasMessageEndingWith(": sudo sysctl -w net.ipv4.ip_local_reserved_ports=8080,40000-40003");
		assertThat(UnixErrors.writeDenied("", cause)).hasMessageEndingWith("ip_local_reserved_ports=''");
		assertThat(UnixErrors.readOnly("", "Read-only file system", cause))
			.isInstanceOf(ReservationAccessDeniedException.class)
			.hasMessageStartingWith("Could not write net.ipv4.ip_local_reserved_ports (Read-only file system)")
			.hasMessageEndingWith(": sudo sysctl -w net.ipv4.ip_local_reserved_ports=''");
	}

	@Test
	void anUnusedLockDirectorySaysWhatStillHoldsAndWhatToDo() {
		assertThat(UnixErrors.lockDirectoryUnused(Path.of("/tmp/x"), "other users may write it"))
			.isEqualTo("Not using the lock directory /tmp/x for portreservation's cross-process locks: other users "
					+ "may write it. Blocks are still kept apart by their sockets, but a block another process holds "
					+ "is then reported as in use by a socket, without naming that process. Remove it, or choose a "
					+ "directory that only this user can write with -Dportreservation.lock-directory=<directory>");
	}

}
