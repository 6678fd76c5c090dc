package org.portreservation.windows;

import java.io.IOException;
import java.nio.channels.SocketChannel;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import org.junit.jupiter.api.Test;

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
	void aStartPortInHostByteOrderReservesTheByteSwappedBlock() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 1);
		int swapped = Short.toUnsignedInt(Short.reverseBytes((short) start));
		try (SocketChannel owner = SocketChannel.open()) {
			INET_PORT_RANGE hostOrder = new INET_PORT_RANGE();
			hostOrder.StartPort = (short) start;
			hostOrder.NumberOfPorts = 1;
			INET_PORT_RESERVATION_INSTANCE instance = new INET_PORT_RESERVATION_INSTANCE();
			int result = ioctl(owner, Mstcpip.SIO_ACQUIRE_PORT_RESERVATION, hostOrder, instance, 16);
			if (result == 0) {
				assertThat(StandIn.tokenOf(Protocol.TCP, start)).isZero();
				assertThat(StandIn.tokenOf(Protocol.TCP, swapped)).isEqualTo(instance.Token.Token);
			}
			else {
				assertThat(Native.getLastError()).as("the swapped port %d is in use", swapped).isEqualTo(10048);
			}
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

	private static int ioctl(SocketChannel socket, int code, INET_PORT_RANGE in, INET_PORT_RESERVATION_INSTANCE out,
			int outSize) {
		return Winsock2.INSTANCE.WSAIoctl(SocketHandles.of(socket), code, in, in.size(), out, outSize,
				new IntByReference(), null, null);
	}

}
