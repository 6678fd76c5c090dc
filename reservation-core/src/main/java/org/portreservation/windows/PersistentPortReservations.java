package org.portreservation.windows;

import java.util.OptionalLong;

import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.LongByReference;

import org.portreservation.windows.jna.NetworkByteOrder;
import org.portreservation.windows.jna.IPHlpAPI;
import org.portreservation.PortBlock;
import org.portreservation.Protocol;

/**
 * The IP Helper functions of persistent reservations, chosen by protocol, with their
 * errors mapped.
 */
final class PersistentPortReservations {

	private PersistentPortReservations() {
	}

	/**
	 * The IP Helper function of a verb for a protocol, as Windows names it.
	 * @param verb {@code Create}, {@code Delete} or {@code Lookup}
	 * @param protocol the protocol
	 * @return for example {@code CreatePersistentTcpPortReservation}
	 */
	static String function(String verb, Protocol protocol) {
		return verb + "Persistent" + ((protocol == Protocol.TCP) ? "Tcp" : "Udp") + "PortReservation";
	}

	/** Creates the persistent reservation of {@code block} and returns its token. */
	static long create(PortBlock block) {
		LongByReference token = new LongByReference();
		int code = call(block, IPHlpAPI.INSTANCE::CreatePersistentTcpPortReservation,
				IPHlpAPI.INSTANCE::CreatePersistentUdpPortReservation, token);
		if (code != WinError.NO_ERROR) {
			throw WindowsErrors.createFailed(code, block);
		}
		return token.getValue();
	}

	/** Deletes the persistent reservation of exactly {@code block}. */
	static void delete(PortBlock block) {
		int code = call(block, IPHlpAPI.INSTANCE::DeletePersistentTcpPortReservation,
				IPHlpAPI.INSTANCE::DeletePersistentUdpPortReservation);
		if (code != WinError.NO_ERROR) {
			throw WindowsErrors.deleteFailed(code, block);
		}
	}

	/**
	 * The current token of the persistent reservation of exactly {@code block}, empty if
	 * there is none.
	 */
	static OptionalLong lookup(PortBlock block) {
		LongByReference token = new LongByReference();
		int code = call(block, IPHlpAPI.INSTANCE::LookupPersistentTcpPortReservation,
				IPHlpAPI.INSTANCE::LookupPersistentUdpPortReservation, token);
		if (code == WinError.ERROR_NOT_FOUND) {
			return OptionalLong.empty();
		}
		if (code != WinError.NO_ERROR) {
			throw WindowsErrors.lookupFailed(code, block);
		}
		return OptionalLong.of(token.getValue());
	}

	/** Calls the function of the block's protocol. */
	private static int call(PortBlock block, BlockFunction tcp, BlockFunction udp) {
		return invoke(block, (block.protocol() == Protocol.TCP) ? tcp : udp);
	}

	/**
	 * Calls the function of the block's protocol that returns the token of the
	 * reservation.
	 */
	private static int call(PortBlock block, TokenFunction tcp, TokenFunction udp, LongByReference token) {
		TokenFunction function = (block.protocol() == Protocol.TCP) ? tcp : udp;
		return invoke(block, (startPort, numberOfPorts) -> function.call(startPort, numberOfPorts, token));
	}

	/** Calls a function with the block's start in network byte order. */
	private static int invoke(PortBlock block, BlockFunction function) {
		return function.call(NetworkByteOrder.htons(block.startPort()), (short) block.numberOfPorts());
	}

	/** An IP Helper function of a persistent reservation that returns its token. */
	@FunctionalInterface
	private interface TokenFunction {

		int call(short startPort, short numberOfPorts, LongByReference token);

	}

	/** An IP Helper function of a persistent reservation, as it takes the block. */
	@FunctionalInterface
	private interface BlockFunction {

		int call(short startPort, short numberOfPorts);

	}

}
