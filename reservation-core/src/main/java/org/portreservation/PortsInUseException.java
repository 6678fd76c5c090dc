package org.portreservation;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * Some port of the requested block is already taken: by another process, by another
 * reservation or by a socket.
 *
 * @since 0.1.0
 */
public class PortsInUseException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	private final int port;

	private final long ownerPid;

	/**
	 * Creates an exception for the first busy port found.
	 * @param message what is busy, who holds it if known, and what to do
	 * @param port the first busy port
	 * @param ownerPid the process holding it, or {@code -1} when unknown
	 * @param cause the failure that revealed it, or {@code null}
	 */
	public PortsInUseException(String message, int port, long ownerPid, @Nullable Throwable cause) {
		super(message, cause);
		this.port = port;
		this.ownerPid = ownerPid;
	}

	/**
	 * The first busy port found.
	 * @return the port number
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The process that holds the busy port, where the operating system tells.
	 * @return its process id, or empty when unknown
	 */
	public OptionalLong ownerPid() {
		return (this.ownerPid >= 0) ? OptionalLong.of(this.ownerPid) : OptionalLong.empty();
	}

}
