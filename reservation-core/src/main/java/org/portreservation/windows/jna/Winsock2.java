package org.portreservation.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The part of Winsock ({@code ws2_32.dll}) that port reservations need and jna-platform's
 * {@link com.sun.jna.platform.win32.Winsock2} lacks: {@code WSAIoctl}, with the codes and
 * structures of {@link Mstcpip}.
 *
 * @since 0.1.0
 */
public interface Winsock2 extends com.sun.jna.platform.win32.Winsock2, Mstcpip, StdCallLibrary {

	/** The library, loaded when this field is first read. */
	Winsock2 INSTANCE = WindowsLibraries.load("ws2_32", Winsock2.class);

	/**
	 * An overlapped operation was cancelled, as when its socket closed:
	 * {@code ERROR_OPERATION_ABORTED} (winsock2.h).
	 */
	int WSA_OPERATION_ABORTED = 995;

	/** An overlapped operation is under way: {@code ERROR_IO_PENDING} (winsock2.h). */
	int WSA_IO_PENDING = 997;

	/**
	 * What a failed Winsock call returns; the reason is in {@code WSAGetLastError()}
	 * (winsock2.h).
	 */
	int SOCKET_ERROR = -1;

	/**
	 * Controls a socket; here it acquires, associates and releases port reservations.
	 * Blocks even on a non-blocking socket when {@code lpOverlapped} is {@code null}.
	 * @param s the socket
	 * @param dwIoControlCode the operation, such as {@link #SIO_ACQUIRE_PORT_RESERVATION}
	 * @param lpvInBuffer the input structure
	 * @param cbInBuffer its size in bytes
	 * @param lpvOutBuffer the output structure, or {@code null}
	 * @param cbOutBuffer its size in bytes, or 0
	 * @param lpcbBytesReturned receives the number of bytes written to the output
	 * @param lpOverlapped {@code null} for a synchronous call
	 * @param lpCompletionRoutine {@code null} for a synchronous call
	 * @return 0, or {@link #SOCKET_ERROR} with the reason in
	 * {@code Native.getLastError()}
	 */
	int WSAIoctl(UINT_PTR s, int dwIoControlCode, Structure lpvInBuffer, int cbInBuffer, Structure lpvOutBuffer,
			int cbOutBuffer, IntByReference lpcbBytesReturned, Pointer lpOverlapped, Pointer lpCompletionRoutine);

}
