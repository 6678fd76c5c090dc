package org.portreservation.windows.jna;

import java.nio.ByteOrder;

/**
 * The one place where port numbers change byte order: Windows takes every
 * {@code StartPort} of a port reservation in network byte order, the IOCTL structures and
 * the persistent functions alike.
 */
public final class NetworkByteOrder {

	private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

	private NetworkByteOrder() {
	}

	/**
	 * A port in host byte order, as the C {@code USHORT} in network byte order that
	 * {@code htons} returns.
	 */
	public static short htons(int port) {
		return LITTLE_ENDIAN ? Short.reverseBytes((short) port) : (short) port;
	}

	/**
	 * A C {@code USHORT} port in network byte order, as a port number, like
	 * {@code ntohs}.
	 */
	public static int ntohs(short port) {
		return Short.toUnsignedInt(LITTLE_ENDIAN ? Short.reverseBytes(port) : port);
	}

}
