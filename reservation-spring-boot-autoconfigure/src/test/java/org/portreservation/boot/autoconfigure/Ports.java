package org.portreservation.boot.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.portreservation.FreeBlocks;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * Port helpers for tests that work with real sockets.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Finds the start of a block that is free right now, by reserving one and releasing
	 * it.
	 * @param numberOfPorts the block's size
	 * @return its first port
	 */
	public static int freeBlock(int numberOfPorts) {
		return FreeBlocks.start(PortReservations.forCurrentPlatform(), Protocol.TCP, numberOfPorts);
	}

	/**
	 * The ports of a block.
	 * @param startPort its first port
	 * @param numberOfPorts its size
	 * @return the ports in ascending order
	 */
	public static List<Integer> range(int startPort, int numberOfPorts) {
		return IntStream.range(startPort, startPort + numberOfPorts).boxed().toList();
	}

	/**
	 * The ports this process can bind with an ordinary Java server socket now.
	 * @param ports the ports to try
	 * @return those that could be bound
	 */
	public static List<Integer> bindable(List<Integer> ports) {
		List<Integer> bound = new ArrayList<>();
		for (int port : ports) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(port));
				bound.add(port);
			}
			catch (IOException ex) {
				// taken
			}
		}
		return bound;
	}

}
