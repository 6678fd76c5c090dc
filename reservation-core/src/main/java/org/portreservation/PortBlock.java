package org.portreservation;

/**
 * A block of contiguous ports of one protocol, or a request for any free block of a size
 * ({@code startPort} 0), checked by {@link BlockArguments} when built so that no invalid
 * block exists.
 *
 * @param protocol the protocol of the block's ports
 * @param startPort the first port, or 0 for any free block
 * @param numberOfPorts how many contiguous ports, at least 1
 * @since 0.1.0
 */
public record PortBlock(Protocol protocol, int startPort, int numberOfPorts) {

	/**
	 * Checks the arguments as {@link BlockArguments#check} does.
	 * @throws InvalidReservationArgumentException naming the first wrong argument and
	 * what is allowed
	 */
	public PortBlock {
		BlockArguments.check(protocol, startPort, numberOfPorts, false);
	}

	/**
	 * The block {@code [startPort, startPort + numberOfPorts)}, or any free block of
	 * {@code numberOfPorts} when {@code startPort} is 0.
	 * @param protocol the protocol
	 * @param startPort the first port, or 0 for any free block
	 * @param numberOfPorts the number of ports
	 * @return the block
	 */
	public static PortBlock of(Protocol protocol, int startPort, int numberOfPorts) {
		return new PortBlock(protocol, startPort, numberOfPorts);
	}

	/**
	 * A request for any free block of {@code numberOfPorts}.
	 * @param protocol the protocol
	 * @param numberOfPorts the number of ports
	 * @return the request
	 */
	public static PortBlock anyFree(Protocol protocol, int numberOfPorts) {
		return new PortBlock(protocol, 0, numberOfPorts);
	}

	/**
	 * Whether this asks for any free block rather than naming its ports.
	 * @return {@code true} when {@code startPort} is 0
	 */
	public boolean isAnyFree() {
		return this.startPort == 0;
	}

	/**
	 * The last port of the block, inclusive.
	 * @return {@code startPort + numberOfPorts - 1}
	 * @throws IllegalStateException for a request for any free block, which names no port
	 */
	public int endPort() {
		if (isAnyFree()) {
			throw new IllegalStateException("The " + this + " has no end port until a block is chosen");
		}
		return this.startPort + this.numberOfPorts - 1;
	}

	/**
	 * Whether a port belongs to the block.
	 * @param port any number
	 * @return {@code true} if {@code startPort <= port <= endPort()}; {@code false} for
	 * any port of a request for any free block
	 */
	public boolean contains(int port) {
		return !isAnyFree() && port >= this.startPort && port <= endPort();
	}

	/**
	 * Whether two blocks share a port: the same protocol and overlapping ranges.
	 * @param other another block
	 * @return {@code true} if a port belongs to both; {@code false} whenever either is a
	 * request for any free block
	 */
	public boolean overlaps(PortBlock other) {
		return !isAnyFree() && !other.isAnyFree() && this.protocol == other.protocol
				&& this.startPort <= other.endPort() && other.startPort <= endPort();
	}

	/**
	 * The block as every message of this library names it.
	 * @return for example {@code tcp block 24760-24767}, or
	 * {@code any free block of 8 tcp ports}
	 */
	@Override
	public String toString() {
		if (isAnyFree()) {
			return "any free block of " + this.numberOfPorts + " " + this.protocol.label()
					+ ((this.numberOfPorts != 1) ? " ports" : " port");
		}
		return this.protocol.label() + " block " + this.startPort + "-" + endPort();
	}

}
