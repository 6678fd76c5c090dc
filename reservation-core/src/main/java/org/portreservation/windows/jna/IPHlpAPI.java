package org.portreservation.windows.jna;

import com.sun.jna.ptr.LongByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The persistent port reservation functions of the IP Helper API ({@code iphlpapi.dll})
 * that jna-platform's {@link com.sun.jna.platform.win32.IPHlpAPI} lacks (iphlpapi.h).
 * Every {@code StartPort} is in network byte order; every function returns
 * {@code NO_ERROR} (0) or a Win32 error code.
 *
 * @since 0.1.0
 */
public interface IPHlpAPI extends com.sun.jna.platform.win32.IPHlpAPI, StdCallLibrary {

	/** The library, loaded when this field is first read. */
	IPHlpAPI INSTANCE = WindowsLibraries.load("iphlpapi", IPHlpAPI.class);

	/**
	 * Creates a persistent reservation of a block of TCP ports; needs an elevated
	 * administrator.
	 * @param StartPort the first port, in network byte order
	 * @param NumberOfPorts the number of ports
	 * @param Token receives the reservation's token
	 * @return {@code NO_ERROR}, {@code ERROR_ACCESS_DENIED},
	 * {@code ERROR_INVALID_PARAMETER}, {@code ERROR_SHARING_VIOLATION} or another error
	 */
	int CreatePersistentTcpPortReservation(short StartPort, short NumberOfPorts, LongByReference Token);

	/**
	 * Creates a persistent reservation of a block of UDP ports; needs an elevated
	 * administrator.
	 * @param StartPort the first port, in network byte order
	 * @param NumberOfPorts the number of ports
	 * @param Token receives the reservation's token
	 * @return {@code NO_ERROR}, {@code ERROR_ACCESS_DENIED},
	 * {@code ERROR_INVALID_PARAMETER}, {@code ERROR_SHARING_VIOLATION} or another error
	 */
	int CreatePersistentUdpPortReservation(short StartPort, short NumberOfPorts, LongByReference Token);

	/**
	 * Deletes the persistent reservation of exactly this block of TCP ports; needs an
	 * elevated administrator.
	 * @param StartPort the first port, in network byte order
	 * @param NumberOfPorts the number of ports
	 * @return {@code NO_ERROR}, {@code ERROR_ACCESS_DENIED},
	 * {@code ERROR_INVALID_PARAMETER}, {@code ERROR_NOT_FOUND} or another error
	 */
	int DeletePersistentTcpPortReservation(short StartPort, short NumberOfPorts);

	/**
	 * Deletes the persistent reservation of exactly this block of UDP ports; needs an
	 * elevated administrator.
	 * @param StartPort the first port, in network byte order
	 * @param NumberOfPorts the number of ports
	 * @return {@code NO_ERROR}, {@code ERROR_ACCESS_DENIED},
	 * {@code ERROR_INVALID_PARAMETER}, {@code ERROR_NOT_FOUND} or another error
	 */
	int DeletePersistentUdpPortReservation(short StartPort, short NumberOfPorts);

	/**
	 * Looks up the token of the persistent reservation of exactly this block of TCP
	 * ports.
	 * @param StartPort the first port, in network byte order
	 * @param NumberOfPorts the number of ports
	 * @param Token receives the token, which may change at every restart of Windows
	 * @return {@code NO_ERROR}, {@code ERROR_INVALID_PARAMETER}, {@code ERROR_NOT_FOUND}
	 * or another error
	 */
	int LookupPersistentTcpPortReservation(short StartPort, short NumberOfPorts, LongByReference Token);

	/**
	 * Looks up the token of the persistent reservation of exactly this block of UDP
	 * ports.
	 * @param StartPort the first port, in network byte order
	 * @param NumberOfPorts the number of ports
	 * @param Token receives the token, which may change at every restart of Windows
	 * @return {@code NO_ERROR}, {@code ERROR_INVALID_PARAMETER}, {@code ERROR_NOT_FOUND}
	 * or another error
	 */
	int LookupPersistentUdpPortReservation(short StartPort, short NumberOfPorts, LongByReference Token);

}
