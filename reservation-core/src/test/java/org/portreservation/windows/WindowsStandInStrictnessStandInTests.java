package org.portreservation.windows;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import org.junit.jupiter.api.Test;

import org.portreservation.BindProbe;
import org.portreservation.FreeBlocks;
import org.portreservation.unix.UnixPortReservations;
import org.portreservation.windows.jna.NetworkByteOrder;
import org.portreservation.windows.jna.Winsock2;
import org.portreservation.windows.jna.Mstcpip;
import org.portreservation.windows.jna.IPHlpAPI;
import org.portreservation.Protocol;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RANGE;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RESERVATION_INSTANCE;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RESERVATION_TOKEN;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in catches the mistakes a binding could make, so that the end-to-end tests
 * passing means the bindings are right: a port in host byte order lands on another block,
 * a wrong buffer size or token is refused.
 */
@WithWindowsStandIn
class WindowsStandInStrictnessStandInTests {

	@Test
	void aStartPortInNetworkByteOrderReservesTheBlockAndOneInHostByteOrderTheByteSwappedBlock() throws IOException {
		int start = freeBlockWhoseByteSwapIsFree();
		int swapped = byteSwapped(start);
		try (SocketChannel owner = SocketChannel.open(); SocketChannel other = SocketChannel.open()) {
			INET_PORT_RESERVATION_INSTANCE networkOrder = new INET_PORT_RESERVATION_INSTANCE();
			assertThat(
					ioctl(owner, Mstcpip.SIO_ACQUIRE_PORT_RESERVATION, new INET_PORT_RANGE(start, 1), networkOrder, 16))
				.as("acquire of port %d in network byte order", start)
				.isZero();
			assertThat(networkOrder.Reservation.startPort()).isEqualTo(start);
			assertThat(StandIn.tokenOf(Protocol.TCP, start)).isEqualTo(networkOrder.Token.Token);
			INET_PORT_RANGE hostOrder = new INET_PORT_RANGE();
			hostOrder.StartPort = (short) start;
			hostOrder.NumberOfPorts = 1;
			INET_PORT_RESERVATION_INSTANCE hostOrderInstance = new INET_PORT_RESERVATION_INSTANCE();
			assertThat(ioctl(other, Mstcpip.SIO_ACQUIRE_PORT_RESERVATION, hostOrder, hostOrderInstance, 16))
				.as("acquire of port %d in host byte order, which is port %d", start, swapped)
				.isZero();
			assertThat(StandIn.tokenOf(Protocol.TCP, swapped)).isEqualTo(hostOrderInstance.Token.Token);
			assertThat(StandIn.INSTANCE.standin_reservation_count()).isEqualTo(2);
		}
	}

	@Test
	void refusesBuffersOfTheWrongSize() throws IOException {
		try (SocketChannel owner = SocketChannel.open()) {
			INET_PORT_RANGE range = new INET_PORT_RANGE(StandIn.freeBlock(Protocol.TCP, 1), 1);
			assertThat(
					ioctl(owner, Mstcpip.SIO_ACQUIRE_PORT_RESERVATION, range, new INET_PORT_RESERVATION_INSTANCE(), 12))
				.isEqualTo(Winsock2.SOCKET_ERROR);
			assertThat(Native.getLastError()).isEqualTo(10022);
			IntByReference bytesReturned = new IntByReference();
			assertThat(Winsock2.INSTANCE.WSAIoctl(SocketHandles.of(owner), Mstcpip.SIO_ASSOCIATE_PORT_RESERVATION,
					new INET_PORT_RESERVATION_TOKEN(1), 4, null, 0, bytesReturned, null, null))
				.isEqualTo(Winsock2.SOCKET_ERROR);
			assertThat(Native.getLastError()).isEqualTo(10014);
			assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
		}
	}

	@Test
	void refusesUnknownTokensAndReleasingAPersistentReservation() throws IOException {
		int start = StandIn.freeBlock(Protocol.UDP, 1);
		LongByReference persistent = new LongByReference();
		assertThat(IPHlpAPI.INSTANCE.CreatePersistentUdpPortReservation(NetworkByteOrder.htons(start), (short) 1,
				persistent))
			.isZero();
		try (SocketChannel socket = SocketChannel.open()) {
			IntByReference bytesReturned = new IntByReference();
			UINT_PTR handle = SocketHandles.of(socket);
			assertThat(Winsock2.INSTANCE.WSAIoctl(handle, Mstcpip.SIO_ASSOCIATE_PORT_RESERVATION,
					new INET_PORT_RESERVATION_TOKEN(persistent.getValue() + 1), 8, null, 0, bytesReturned, null, null))
				.isEqualTo(Winsock2.SOCKET_ERROR);
			assertThat(Native.getLastError()).isEqualTo(10022);
			assertThat(PortReservationIoctls.release(handle, persistent.getValue())).isEqualTo(10022);
			assertThat(StandIn.tokenOf(Protocol.UDP, start)).isEqualTo(persistent.getValue());
		}
	}

	/** A free TCP port whose byte swap is another port that is free too. */
	private static int freeBlockWhoseByteSwapIsFree() {
		return FreeBlocks.start(new UnixPortReservations(), Protocol.TCP, 1, (start) -> byteSwapped(start) != start
				&& BindProbe.bindable(Protocol.TCP, List.of(byteSwapped(start))).size() == 1);
	}

	private static int byteSwapped(int port) {
		return Short.toUnsignedInt(Short.reverseBytes((short) port));
	}

	private static int ioctl(SocketChannel socket, int code, INET_PORT_RANGE in, INET_PORT_RESERVATION_INSTANCE out,
			int outSize) {
		return Winsock2.INSTANCE.WSAIoctl(SocketHandles.of(socket), code, in, in.size(), out, outSize,
				new IntByReference(), null, null);
	}

}
