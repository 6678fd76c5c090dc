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
		short startPort = NetworkByteOrder.htons(block.startPort());
		short numberOfPorts = (short) block.numberOfPorts();
		int code = (block.protocol() == Protocol.TCP)
				? IPHlpAPI.INSTANCE.CreatePersistentTcpPortReservation(startPort, numberOfPorts, token)
				: IPHlpAPI.INSTANCE.CreatePersistentUdpPortReservation(startPort, numberOfPorts, token);
		if (code != WinError.NO_ERROR) {
			throw WindowsErrors.createFailed(code, block);
		}
		return token.getValue();
	}

	/** Deletes the persistent reservation of exactly {@code block}. */
	static void delete(PortBlock block) {
		short startPort = NetworkByteOrder.htons(block.startPort());
		short numberOfPorts = (short) block.numberOfPorts();
		int code = (block.protocol() == Protocol.TCP)
				? IPHlpAPI.INSTANCE.DeletePersistentTcpPortReservation(startPort, numberOfPorts)
				: IPHlpAPI.INSTANCE.DeletePersistentUdpPortReservation(startPort, numberOfPorts);
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
		short startPort = NetworkByteOrder.htons(block.startPort());
		short numberOfPorts = (short) block.numberOfPorts();
		int code = (block.protocol() == Protocol.TCP)
				? IPHlpAPI.INSTANCE.LookupPersistentTcpPortReservation(startPort, numberOfPorts, token)
				: IPHlpAPI.INSTANCE.LookupPersistentUdpPortReservation(startPort, numberOfPorts, token);
		if (code == WinError.ERROR_NOT_FOUND) {
			return OptionalLong.empty();
		}
		if (code != WinError.NO_ERROR) {
			throw WindowsErrors.lookupFailed(code, block);
		}
		return OptionalLong.of(token.getValue());
	}

}
