package org.portreservation.windows;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The port reservation part of Winsock ({@code ws2_32.dll}) that jna-platform's {@link
 * com.sun.jna.platform.win32.Winsock2} lacks: {@code WSAIoctl} and the structures of {@code mstcpip.h}.
 *
 * @since 0.1.0
 */
public interface Winsock2 extends com.sun.jna.platform.win32.Winsock2, StdCallLibrary {

	/** The library, loaded when this field is first read. */
	Winsock2 INSTANCE = WindowsLibraries.load("ws2_32", Winsock2.class);

	/** {@code _WSAIOW(IOC_VENDOR, 100)}: acquires a runtime reservation (mstcpip.h). */
	int SIO_ACQUIRE_PORT_RESERVATION = 0x98000064;

	/** {@code _WSAIOW(IOC_VENDOR, 101)}: releases a runtime reservation (mstcpip.h). */
	int SIO_RELEASE_PORT_RESERVATION = 0x98000065;

	/** {@code _WSAIOW(IOC_VENDOR, 102)}: associates an unbound socket with a reservation (mstcpip.h). */
	int SIO_ASSOCIATE_PORT_RESERVATION = 0x98000066;

	/** The token no reservation has (mstcpip.h). */
	long INVALID_PORT_RESERVATION_TOKEN = 0;

	/** An overlapped operation was cancelled, as when its socket closed: {@code ERROR_OPERATION_ABORTED} (winsock2.h). */
	int WSA_OPERATION_ABORTED = 995;

	/** An overlapped operation is under way: {@code ERROR_IO_PENDING} (winsock2.h). */
	int WSA_IO_PENDING = 997;

	/** What a failed Winsock call returns; the reason is in {@code WSAGetLastError()} (winsock2.h). */
	int SOCKET_ERROR = -1;

	/**
	 * A block of ports: {@code StartPort} in network byte order, {@code NumberOfPorts} in host byte order
	 * (mstcpip.h). Also {@code INET_PORT_RESERVATION}.
	 */
	@FieldOrder({ "StartPort", "NumberOfPorts" })
	class INET_PORT_RANGE extends Structure {

		public short StartPort;

		public short NumberOfPorts;

		public INET_PORT_RANGE() {
		}

		/**
		 * Describes a block in host byte order.
		 * @param startPort the first port, or 0 for any free block
		 * @param numberOfPorts the number of ports
		 */
		public INET_PORT_RANGE(int startPort, int numberOfPorts) {
			this.StartPort = NetworkByteOrder.htons(startPort);
			this.NumberOfPorts = (short) numberOfPorts;
		}

		/**
		 * The first port, in host byte order.
		 * @return the port number
		 */
		public int startPort() {
			return NetworkByteOrder.ntohs(this.StartPort);
		}

		/**
		 * The number of ports.
		 * @return the count
		 */
		public int numberOfPorts() {
			return Short.toUnsignedInt(this.NumberOfPorts);
		}

	}

	/** The token of a runtime or persistent reservation (mstcpip.h). */
	@FieldOrder({ "Token" })
	class INET_PORT_RESERVATION_TOKEN extends Structure {

		public long Token;

		public INET_PORT_RESERVATION_TOKEN() {
		}

		/**
		 * Holds a token.
		 * @param token the token
		 */
		public INET_PORT_RESERVATION_TOKEN(long token) {
			this.Token = token;
		}

	}

	/** What {@code SIO_ACQUIRE_PORT_RESERVATION} returns: the block and its token (mstcpip.h). */
	@FieldOrder({ "Reservation", "Token" })
	class INET_PORT_RESERVATION_INSTANCE extends Structure {

		public INET_PORT_RANGE Reservation = new INET_PORT_RANGE();

		public INET_PORT_RESERVATION_TOKEN Token = new INET_PORT_RESERVATION_TOKEN();

	}

	/**
	 * Controls a socket; here it acquires, associates and releases port reservations. Blocks even on a non-blocking
	 * socket when {@code lpOverlapped} is {@code null}.
	 * @param s the socket
	 * @param dwIoControlCode the operation, such as {@link #SIO_ACQUIRE_PORT_RESERVATION}
	 * @param lpvInBuffer the input structure
	 * @param cbInBuffer its size in bytes
	 * @param lpvOutBuffer the output structure, or {@code null}
	 * @param cbOutBuffer its size in bytes, or 0
	 * @param lpcbBytesReturned receives the number of bytes written to the output
	 * @param lpOverlapped {@code null} for a synchronous call
	 * @param lpCompletionRoutine {@code null} for a synchronous call
	 * @return 0, or {@link #SOCKET_ERROR} with the reason in {@code Native.getLastError()}
	 */
	int WSAIoctl(UINT_PTR s, int dwIoControlCode, Structure lpvInBuffer, int cbInBuffer, Structure lpvOutBuffer,
			int cbOutBuffer, IntByReference lpcbBytesReturned, Pointer lpOverlapped, Pointer lpCompletionRoutine);

}
