package org.portreservation.windows;

import org.portreservation.Protocol;

/**
 * A block of ports as asked of Windows, named the same way in every message.
 *
 * @param protocol TCP or UDP
 * @param startPort the first port, or 0 for any free block
 * @param numberOfPorts the number of ports
 */
record Block(Protocol protocol, int startPort, int numberOfPorts) {

	boolean isWildcard() {
		return this.startPort == 0;
	}

	/** The protocol as the IP Helper functions spell it: {@code Tcp} or {@code Udp}. */
	String function() {
		return (this.protocol == Protocol.TCP) ? "Tcp" : "Udp";
	}

	@Override
	public String toString() {
		return isWildcard() ? "any free block of " + this.numberOfPorts + " " + this.protocol.label() + " ports"
				: this.protocol.label() + " block " + this.startPort + "-" + (this.startPort + this.numberOfPorts - 1);
	}

}
