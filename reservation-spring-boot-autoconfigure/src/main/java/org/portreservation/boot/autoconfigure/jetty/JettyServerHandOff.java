package org.portreservation.boot.autoconfigure.jetty;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.portreservation.PortReservation;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.autoconfigure.ServerHandOff;
import org.portreservation.boot.jetty.ReservedConnectors;

import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;

/**
 * Binds Jetty, servlet or reactive, from a block: every {@link ServerConnector} of the
 * server, Boot's own (with TLS too) and those a {@code JettyServerCustomizer} added, is
 * bound through {@link ReservedConnectors} once every other customizer has run.
 *
 * @since 0.1.0
 */
public final class JettyServerHandOff extends ServerHandOff {

	/**
	 * Creates the hand-off of Jetty.
	 */
	public JettyServerHandOff() {
		super("Jetty", ConfigurableJettyWebServerFactory.class);
	}

	@Override
	public void handOff(ConfigurableWebServerFactory factory, PortReservation reservation, ServerBlock server) {
		((ConfigurableJettyWebServerFactory) factory)
			.addServerCustomizers((jetty) -> bindConnectors(jetty, reservation, server));
	}

	private static void bindConnectors(Server jetty, PortReservation reservation, ServerBlock server) {
		for (Connector connector : jetty.getConnectors()) {
			if (connector instanceof ServerConnector serverConnector) {
				int port = serverConnector.getPort();
				if (port != 0 && !reservation.contains(port)) {
					throw new IllegalStateException("The Jetty connector " + connector + " listens on port " + port
							+ ", outside the block '" + server.blockName() + "' (" + reservation + ") that "
							+ server.blockProperty() + " binds the server from: give it port 0 or a port between "
							+ reservation.startPort() + " and " + reservation.endPort() + ", or remove it");
				}
				ReservedConnectors.bind(serverConnector, reservation);
			}
			else if (connector instanceof NetworkConnector) {
				throw new IllegalStateException("The Jetty connector " + connector + " ("
						+ connector.getClass().getName() + ") cannot bind from the block '" + server.blockName()
						+ "': only TCP server " + "connectors can, not QUIC or Unix-domain ones; remove it, or remove "
						+ server.blockProperty());
			}
		}
	}

}
