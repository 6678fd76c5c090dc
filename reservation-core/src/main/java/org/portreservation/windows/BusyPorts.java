package org.portreservation.windows;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.OptionalInt;

import org.portreservation.PortBlock;
import org.portreservation.Protocol;

/**
 * Finds the port that made Windows refuse a block, which its error code does not name:
 * the first port of the block that a plain bind of this process is refused. The JDK binds
 * with {@code SO_EXCLUSIVEADDRUSE} on Windows, so a socket on any address, another
 * reservation and an excluded range all refuse it; each probe is closed at once.
 */
final class BusyPorts {

	private BusyPorts() {
	}

	/**
	 * The first port of the block that cannot be bound now.
	 * @param block the refused block
	 * @return the port, empty if every port could be bound
	 */
	static OptionalInt first(PortBlock block) {
		for (int port = block.startPort(); port <= block.endPort(); port++) {
			if (isRefused(block.protocol(), port)) {
				return OptionalInt.of(port);
			}
		}
		return OptionalInt.empty();
	}

	private static boolean isRefused(Protocol protocol, int port) {
		try (NetworkChannel probe = (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open()) {
			probe.bind(new InetSocketAddress(port));
			return false;
		}
		catch (BindException ex) {
			return true;
		}
		catch (IOException ex) {
			// Not a refusal of the port: nothing is known about it.
			return false;
		}
	}

}
