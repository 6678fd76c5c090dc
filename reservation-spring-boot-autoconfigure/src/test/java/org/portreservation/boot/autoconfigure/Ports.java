package org.portreservation.boot.autoconfigure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The ports of a block, as a list for assertions.
 */
public final class Ports {

	private Ports() {
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

}
