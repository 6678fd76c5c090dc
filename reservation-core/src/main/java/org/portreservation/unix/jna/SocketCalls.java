package org.portreservation.unix.jna;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The calls of Linux's C library that a block makes once per port, direct-mapped: such a
 * call costs a fraction of one through {@link LibC}'s interface, which a block of
 * thousands of ports pays thousands of times. The constants are {@link LibC}'s.
 * <p>
 * Addresses are passed as bytes laid out as {@code struct sockaddr_in} or
 * {@code struct sockaddr_in6}; see {@link #wildcard(boolean, int)}.
 *
 * @since 0.1.0
 */
public final class SocketCalls {

	/** The size of {@code struct sockaddr_in}. */
	private static final int SOCKADDR_IN_SIZE = 16;

	/** The size of {@code struct sockaddr_in6}. */
	private static final int SOCKADDR_IN6_SIZE = 28;

	static {
		Native.register(NativeLibrary.getInstance("c"));
	}

	private SocketCalls() {
	}

	/**
	 * Makes a socket: {@code socket(2)}.
	 * @param domain {@link LibC#AF_INET} or {@link LibC#AF_INET6}
	 * @param type {@link LibC#SOCK_STREAM} or {@link LibC#SOCK_DGRAM}, with flags
	 * @param protocol 0 for the type's own
	 * @return the descriptor
	 * @throws LastErrorException with {@code errno} if it fails
	 */
	public static native int socket(int domain, int type, int protocol) throws LastErrorException;

	/**
	 * Sets an integer option: {@code setsockopt(2)}.
	 * @param fd the socket
	 * @param level such as {@link LibC#SOL_SOCKET}
	 * @param name such as {@link LibC#SO_REUSEPORT}
	 * @param value the value, one element
	 * @param length {@code sizeof(int)}
	 * @return 0
	 * @throws LastErrorException with {@code errno} if it fails
	 */
	public static native int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

	/**
	 * Binds a socket: {@code bind(2)}.
	 * @param fd the socket
	 * @param address the address, as {@link #wildcard(boolean, int)} lays it out
	 * @param length its length
	 * @return 0
	 * @throws LastErrorException with {@code errno} if it fails
	 */
	public static native int bind(int fd, byte[] address, int length) throws LastErrorException;

	/**
	 * Closes a descriptor: {@code close(2)}.
	 * @param fd the descriptor
	 * @return 0
	 * @throws LastErrorException with {@code errno} if it reports an error, after which
	 * Linux has released the descriptor all the same
	 */
	public static native int close(int fd) throws LastErrorException;

	/**
	 * Lays out the wildcard address of a family with a port, for {@link #bind}.
	 * @param ipv6 whether it is {@code struct sockaddr_in6} ({@code ::}) rather than
	 * {@code struct sockaddr_in} ({@code 0.0.0.0})
	 * @param port the port
	 * @return the address, whose length is the array's
	 */
	public static byte[] wildcard(boolean ipv6, int port) {
		byte[] address = new byte[ipv6 ? SOCKADDR_IN6_SIZE : SOCKADDR_IN_SIZE];
		ByteBuffer.wrap(address)
			.order(ByteOrder.nativeOrder())
			.putShort((short) (ipv6 ? LibC.AF_INET6 : LibC.AF_INET))
			.order(ByteOrder.BIG_ENDIAN)
			.putShort((short) port);
		return address;
	}

}
