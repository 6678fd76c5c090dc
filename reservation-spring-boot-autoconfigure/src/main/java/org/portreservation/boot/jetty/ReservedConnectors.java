package org.portreservation.boot.jetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;

/**
 * Binds Jetty {@link ServerConnector}s from a {@link PortReservation}, for Spring Boot
 * and plain Jetty alike: call {@link #bind} before the server starts.
 * <p>
 * Jetty opens a connector's channel early, when its {@link Server} starts, and again at
 * every start after a stop; a channel handed over once would not survive a restart. So
 * the connector and its server each get a listener that, whenever the connector is about
 * to start without a channel, binds one from the block (the connector's port if it is not
 * 0, else any free port of the block, on the connector's host) and hands it to
 * {@link ServerConnector#open(ServerSocketChannel)}. Closing that channel, on stop or
 * graceful shutdown, returns the port to the block.
 *
 * @since 0.1.0
 */
public final class ReservedConnectors {

	private ReservedConnectors() {
	}

	/**
	 * Makes the connector bind from the block at every start.
	 * @param connector a connector of a server that has not started
	 * @param reservation a TCP block
	 * @throws IllegalStateException if the connector is already bound from another block
	 * or has no server
	 */
	public static void bind(ServerConnector connector, PortReservation reservation) {
		for (LifeCycle.Listener listener : connector.getEventListeners()
			.stream()
			.filter(Binding.class::isInstance)
			.map(LifeCycle.Listener.class::cast)
			.toList()) {
			if (((Binding) listener).reservation() != reservation) {
				throw new IllegalStateException(
						"The connector " + connector + " already binds from the " + ((Binding) listener).reservation());
			}
			return;
		}
		Server server = connector.getServer();
		if (server == null) {
			throw new IllegalStateException("The connector " + connector + " belongs to no server");
		}
		Binding binding = new Binding(connector, reservation);
		connector.addEventListener(binding);
		server.addEventListener(binding);
	}

	/**
	 * Whether a connector binds from a block.
	 * @param connector a connector
	 * @return {@code true} after {@link #bind}
	 */
	public static boolean isBound(ServerConnector connector) {
		return connector.getEventListeners().stream().anyMatch(Binding.class::isInstance);
	}

	/** Opens the connector from the block when it or its server is about to start. */
	private record Binding(ServerConnector connector, PortReservation reservation) implements LifeCycle.Listener {

		@Override
		public void lifeCycleStarting(LifeCycle event) {
			if (this.connector.isOpen()) {
				return;
			}
			String host = this.connector.getHost();
			int port = this.connector.getPort();
			InetSocketAddress address = (host != null) ? new InetSocketAddress(host, port)
					: new InetSocketAddress(port);
			ServerSocketChannel channel = open();
			try {
				channel.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, this.connector.getReuseAddress());
				this.reservation.bind(channel, address, this.connector.getAcceptQueueSize());
				this.connector.open(channel);
			}
			catch (IOException | RuntimeException ex) {
				closeQuietly(channel, ex);
				throw (ex instanceof PortReservationException reservationFailure) ? reservationFailure
						: new PortReservationException("Could not open the Jetty connector " + this.connector
								+ " from the " + this.reservation + ": " + ex.getMessage(), ex);
			}
		}

		private static ServerSocketChannel open() {
			try {
				return ServerSocketChannel.open();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not open a server channel", ex);
			}
		}

		private static void closeQuietly(ServerSocketChannel channel, Exception failure) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				failure.addSuppressed(ex);
			}
		}

	}

}
