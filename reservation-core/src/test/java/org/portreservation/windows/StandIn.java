package org.portreservation.windows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.portreservation.FreeBlocks;
import org.portreservation.Protocol;
import org.portreservation.unix.UnixPortReservations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controls of the stand-in Windows libraries (src/test/native/standin), which JNA
 * loads from {@code jna.library.path} in place of ws2_32, iphlpapi, kernel32 and shell32.
 */
interface StandIn extends Library {

	StandIn INSTANCE = load();

	/**
	 * Forgets every reservation, association and injected failure; elevated, ports
	 * return.
	 */
	void standin_reset();

	/**
	 * Makes the next call of {@code call} (an IOCTL or function name, "bind",
	 * "FormatMessageW", "RtlGetVersion") fail.
	 */
	void standin_fail_next(String call, int code);

	/** Whether the process runs as an elevated administrator: both facts of its token. */
	void standin_set_elevated(int elevated);

	/**
	 * The facts of the process token one by one: whether CheckTokenMembership finds the
	 * Administrators group in it, and whether GetTokenInformation(TokenElevation) says
	 * elevated.
	 */
	void standin_set_token(int administratorsMember, int elevated);

	/** The number of token handles open now. */
	int standin_open_tokens();

	/**
	 * Whether the port of a closed associated socket goes back to its reservation, which
	 * Windows does not say.
	 */
	void standin_set_ports_return(int portsReturn);

	/**
	 * The Linux errno of bind(0) on an associated socket whose reservation has no free
	 * port, which Windows does not document: 98 (EADDRINUSE, a BindException) or 105
	 * (ENOBUFS, a plain SocketException as the JDK reports WSAENOBUFS on Windows).
	 */
	void standin_set_exhausted_error(int error);

	/**
	 * Whether a socket of this process that is not associated with a reservation is kept
	 * out of its ports, which nobody knows of Windows; kept out after a reset.
	 */
	void standin_set_same_process_excluded(int excluded);

	/** The build RtlGetVersion reports; 20348 (Windows Server 2022) after a reset. */
	void standin_set_build(int build);

	/** What a restart of Windows does: every persistent reservation gets a new token. */
	void standin_new_persistent_tokens();

	/**
	 * The token of the reservation that holds {@code port} (host byte order), 0 if none.
	 */
	long standin_token_of(int type, int port);

	int standin_reservation_count();

	private static StandIn load() {
		assertThat(System.getenv("LD_PRELOAD"))
			.as("the stand-in must be preloaded to see binds, as the " + "windows-stand-in surefire execution does")
			.contains("libws2_32.so");
		return Native.load("ws2_32", StandIn.class);
	}

	/** The stand-in's socket type of a protocol: SOCK_STREAM or SOCK_DGRAM. */
	static int type(Protocol protocol) {
		return (protocol == Protocol.TCP) ? 1 : 2;
	}

	/** The token the stand-in holds for {@code port}, 0 if none. */
	static long tokenOf(Protocol protocol, int port) {
		return INSTANCE.standin_token_of(type(protocol), port);
	}

	/**
	 * A block free on this machine now whose start differs from its own byte swap, so
	 * that a port passed in the wrong byte order shows.
	 */
	static int freeBlock(Protocol protocol, int numberOfPorts) {
		for (int attempt = 0; attempt < 100; attempt++) {
			int start = FreeBlocks.start(new UnixPortReservations(), protocol, numberOfPorts,
					(candidate) -> Short.toUnsignedInt(Short.reverseBytes((short) candidate)) != candidate);
			// The Unix backend takes a port over TIME_WAIT that an earlier test's
			// connection left; the stand-in, binding without SO_REUSEADDR, would find it
			// in use.
			if (plainlyBindable(protocol, start, numberOfPorts)) {
				return start;
			}
		}
		throw new AssertionError("No block of " + numberOfPorts + " " + protocol.label() + " ports free of TIME_WAIT");
	}

	private static boolean plainlyBindable(Protocol protocol, int start, int numberOfPorts) {
		for (int port = start; port < start + numberOfPorts; port++) {
			try (NetworkChannel channel = (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open()) {
				channel.bind(new InetSocketAddress(port));
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

}
