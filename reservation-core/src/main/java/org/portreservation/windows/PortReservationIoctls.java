package org.portreservation.windows;

import org.jspecify.annotations.Nullable;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import com.sun.jna.ptr.IntByReference;

import org.portreservation.windows.jna.Winsock2;
import org.portreservation.windows.jna.Mstcpip;
import org.portreservation.PortBlock;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RANGE;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RESERVATION_INSTANCE;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RESERVATION_TOKEN;

/**
 * The three port reservation IOCTLs, called synchronously. The error code is read from
 * JNA's copy of the thread's last error, saved right after the call, because the JVM may
 * change the thread's error before a second native call to {@code WSAGetLastError} could
 * read it.
 */
final class PortReservationIoctls {

	private PortReservationIoctls() {
	}

	/**
	 * Acquires a runtime reservation that lives as long as {@code socket}.
	 * @return the block Windows reserved and its token
	 * @throws org.portreservation.PortReservationException if Windows refuses
	 */
	static INET_PORT_RESERVATION_INSTANCE acquire(UINT_PTR socket, PortBlock block) {
		INET_PORT_RESERVATION_INSTANCE instance = new INET_PORT_RESERVATION_INSTANCE();
		int code = ioctl(socket, Mstcpip.SIO_ACQUIRE_PORT_RESERVATION,
				new INET_PORT_RANGE(block.startPort(), block.numberOfPorts()), instance);
		if (code != 0) {
			throw WindowsErrors.acquireFailed(code, block);
		}
		return instance;
	}

	/**
	 * Makes the next bind of the unbound {@code socket} take its port from the
	 * reservation of {@code token}.
	 * @throws org.portreservation.PortReservationException if Windows refuses
	 */
	static void associate(UINT_PTR socket, long token, Object reservation, boolean persistent) {
		int code = ioctl(socket, Mstcpip.SIO_ASSOCIATE_PORT_RESERVATION, new INET_PORT_RESERVATION_TOKEN(token), null);
		if (code != 0) {
			throw WindowsErrors.associateFailed(code, reservation, persistent);
		}
	}

	/**
	 * Releases the runtime reservation of {@code token}.
	 * @return 0, or the error code
	 */
	static int release(UINT_PTR socket, long token) {
		return ioctl(socket, Mstcpip.SIO_RELEASE_PORT_RESERVATION, new INET_PORT_RESERVATION_TOKEN(token), null);
	}

	private static int ioctl(UINT_PTR socket, int code, Structure in, @Nullable Structure out) {
		IntByReference bytesReturned = new IntByReference();
		int result = Winsock2.INSTANCE.WSAIoctl(socket, code, in, in.size(), out, (out != null) ? out.size() : 0,
				bytesReturned, null, null);
		return (result == Winsock2.SOCKET_ERROR) ? Native.getLastError() : 0;
	}

}
