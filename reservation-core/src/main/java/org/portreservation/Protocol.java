package org.portreservation;

/**
 * The transport protocol of a port block: TCP and UDP ports are separate name spaces.
 *
 * @since 0.1.0
 */
public enum Protocol {

	/** Ports of TCP sockets (stream). */
	TCP,

	/** Ports of UDP sockets (datagram). */
	UDP;

	/**
	 * The lower-case name used in messages and file names.
	 * @return {@code tcp} or {@code udp}
	 */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
