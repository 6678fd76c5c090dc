package org.portreservation.boot.tomcat;

import org.apache.coyote.http11.Http11NioProtocol;
import org.jspecify.annotations.Nullable;
import org.portreservation.PortReservation;

/**
 * Tomcat's HTTP/1.1 NIO protocol with a connector bound from a {@link PortReservation}.
 * Tomcat creates it by class name ({@code TomcatWebServerFactory.setProtocol}); the block
 * is handed to each instance before the connector starts, so every connector, and every
 * application context in the JVM, binds from its own block.
 *
 * @since 0.1.0
 */
public class ReservedHttp11NioProtocol extends Http11NioProtocol {

	private final ReservedNioEndpoint endpoint;

	/**
	 * Creates the protocol, not yet bound to a block.
	 */
	public ReservedHttp11NioProtocol() {
		this(new ReservedNioEndpoint());
	}

	private ReservedHttp11NioProtocol(ReservedNioEndpoint endpoint) {
		super(endpoint);
		this.endpoint = endpoint;
	}

	/**
	 * Sets the block the connector binds from: to the connector's port if it is not 0,
	 * else to any free port of it.
	 * @param reservation a TCP block
	 */
	public void setReservation(PortReservation reservation) {
		this.endpoint.setReservation(reservation);
	}

	/**
	 * The block the connector binds from.
	 * @return the block, or {@code null} before one is set
	 */
	public @Nullable PortReservation getReservation() {
		return this.endpoint.getReservation();
	}

}
