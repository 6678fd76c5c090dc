package org.portreservation.unix;

import java.io.IOException;
import java.net.BindException;
import java.util.Optional;
import java.util.Set;

import com.sun.jna.LastErrorException;
import com.sun.jna.Platform;

import org.portreservation.Protocol;
import org.portreservation.unix.jna.LibC;
import org.portreservation.unix.jna.SocketCalls;

/**
 * A socket made through Linux's C library for what the JDK cannot make: an IPv6-only
 * socket, and one that programs its port's reuse-port group.
 */
final class NativeSocket implements AutoCloseable {

	/**
	 * Where {@link LibC}'s constants hold: the architectures of the asm-generic headers.
	 */
	private static final Set<String> ARCHITECTURES = Set.of("x86-64", "x86", "aarch64", "arm", "riscv64");

	private static final Optional<String> UNAVAILABLE = probe();

	private final int fd;

	private boolean open = true;

	private NativeSocket(int fd) {
		this.fd = fd;
	}

	/**
	 * Why native sockets cannot be made here.
	 * @return the reason, empty where they can
	 */
	static Optional<String> unavailableReason() {
		return UNAVAILABLE;
	}

	/**
	 * Whether IPv6 sockets can be made: native sockets are available and the kernel has
	 * IPv6.
	 */
	static boolean ipv6Available() {
		return Ipv6.SUPPORTED;
	}

	/**
	 * Makes an unbound socket that is closed on exec.
	 * @throws IOException if the system refuses, or if native sockets are unavailable
	 */
	static NativeSocket open(boolean ipv6, Protocol protocol) throws IOException {
		if (UNAVAILABLE.isPresent()) {
			throw new IOException("Native sockets are unavailable: " + UNAVAILABLE.get());
		}
		int type = ((protocol == Protocol.TCP) ? LibC.SOCK_STREAM : LibC.SOCK_DGRAM) | LibC.SOCK_CLOEXEC;
		try {
			return new NativeSocket(SocketCalls.socket(ipv6 ? LibC.AF_INET6 : LibC.AF_INET, type, 0));
		}
		catch (LastErrorException ex) {
			throw failure("socket(" + (ipv6 ? "AF_INET6" : "AF_INET") + ")", ex);
		}
	}

	/** Sets an integer option, such as {@code SO_REUSEPORT}. */
	void setOption(int level, int name, int value) throws IOException {
		setOption(this.fd, level, name, value);
	}

	/**
	 * Sets an integer option of a descriptor made by {@link #release()}.
	 */
	static void setOption(int fd, int level, int name, int value) throws IOException {
		try {
			SocketCalls.setsockopt(fd, level, name, new int[] { value }, Integer.BYTES);
		}
		catch (LastErrorException ex) {
			throw failure("setsockopt(" + level + ", " + name + ")", ex);
		}
	}

	/**
	 * Binds the socket to the wildcard address of its family.
	 * @throws BindException if the port is taken or privileged
	 */
	void bindWildcard(boolean ipv6, int port) throws IOException {
		byte[] address = SocketCalls.wildcard(ipv6, port);
		try {
			SocketCalls.bind(this.fd, address, address.length);
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == LibC.EADDRINUSE || ex.getErrorCode() == LibC.EACCES) {
				BindException busy = new BindException(message("bind(" + port + ")", ex));
				busy.initCause(ex);
				throw busy;
			}
			throw failure("bind(" + port + ")", ex);
		}
	}

	/** Attaches a classic BPF program to the socket's reuse-port group. */
	void attachReusePortProgram(LibC.sock_fprog program) throws IOException {
		try {
			LibC.INSTANCE.setsockopt(this.fd, LibC.SOL_SOCKET, LibC.SO_ATTACH_REUSEPORT_CBPF, program, program.size());
		}
		catch (LastErrorException ex) {
			throw failure("setsockopt(SO_ATTACH_REUSEPORT_CBPF)", ex);
		}
	}

	/**
	 * Hands the descriptor over to the caller, who closes it with {@link #close(int)}.
	 * @return the descriptor, no longer closed by {@link #close()}
	 */
	int release() {
		this.open = false;
		return this.fd;
	}

	@Override
	public void close() {
		if (this.open) {
			this.open = false;
			close(this.fd);
		}
	}

	/** Closes a descriptor that {@link #release()} handed over. */
	static void close(int fd) {
		try {
			SocketCalls.close(fd);
		}
		catch (LastErrorException ex) {
			// Linux releases the descriptor even when close reports an error.
		}
	}

	private static IOException failure(String call, LastErrorException ex) {
		return new IOException(message(call, ex), ex);
	}

	private static String message(String call, LastErrorException ex) {
		return call + " failed: " + ex.getMessage();
	}

	private static Optional<String> probe() {
		if (!Platform.isLinux()) {
			return Optional.of("native sockets are made only on Linux, this is " + System.getProperty("os.name"));
		}
		if (!ARCHITECTURES.contains(Platform.ARCH)) {
			return Optional.of("the constants of native sockets are known only for "
					+ String.join(", ", ARCHITECTURES.stream().sorted().toList()) + ", this is " + Platform.ARCH);
		}
		try {
			// Reading the field loads the library; a call registers the direct-mapped
			// one.
			SocketCalls.wildcard(false, 0);
			return (LibC.INSTANCE != null) ? Optional.empty() : Optional.of("JNA loaded no C library");
		}
		catch (LinkageError ex) {
			return Optional.of("JNA could not load the C library: " + ex);
		}
	}

	/** Whether the kernel has IPv6, asked once and only when needed. */
	private static final class Ipv6 {

		private static final boolean SUPPORTED = probe();

		private static boolean probe() {
			try (NativeSocket socket = open(true, Protocol.UDP)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
