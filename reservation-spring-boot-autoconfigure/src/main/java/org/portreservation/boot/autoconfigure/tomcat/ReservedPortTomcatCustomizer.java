package org.portreservation.boot.autoconfigure.tomcat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ProtocolHandler;
import org.jspecify.annotations.Nullable;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.tomcat.ReservedHttp11NioProtocol;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes a Tomcat web server bind its connector from a named block: the configured port if
 * it is a port of the block, any free port of the block if it is 0 or unset.
 * <p>
 * If the block was left out at start-up ({@code portreservation.fail-fast} false), the
 * server binds its port as it would without this library, and a warning says so.
 *
 * @since 0.1.0
 */
public class ReservedPortTomcatCustomizer implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

	private static final Log logger = LogFactory.getLog(ReservedPortTomcatCustomizer.class);

	private final PortReservationTemplate template;

	private final ServerBlock server;

	/**
	 * Creates the customizer.
	 * @param template holds the named blocks
	 * @param server the block the server binds from and the properties that name it
	 */
	public ReservedPortTomcatCustomizer(PortReservationTemplate template, ServerBlock server) {
		this.template = template;
		this.server = server;
	}

	/**
	 * Last, after Boot's customizers that set the port from {@code server.port} or
	 * {@code management.server.port} (order 0), so that the port of the block and the
	 * protocol set here are the ones the server starts with.
	 * @return {@link Ordered#LOWEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		PortReservation reservation = this.template.getReservations().get(this.server.blockName());
		if (reservation == null) {
			logger.warn(this.server.blockProperty() + " names the block '" + this.server.blockName()
					+ "', which was not reserved: " + "the server binds " + this.server.portProperty()
					+ " without a reservation");
			return;
		}
		Integer configured = this.server.port();
		int port = (configured != null) ? configured : 0;
		if (port < 0) {
			return;
		}
		if (port != 0 && !reservation.contains(port)) {
			throw new InvalidConfigurationPropertyValueException(this.server.portProperty(), port,
					"Port " + port + " is outside the block '" + this.server.blockName() + "' (" + reservation
							+ ") that " + this.server.blockProperty() + " binds the server from. Set "
							+ this.server.portProperty() + " to a port between " + reservation.startPort() + " and "
							+ reservation.endPort() + ", or to 0 or leave it unset for any free port of the block.");
		}
		factory.setPort(port);
		factory.setProtocol(ReservedHttp11NioProtocol.class.getName());
		factory.addProtocolHandlerCustomizers(new HandOff(reservation));
	}

	/**
	 * Hands the block to the connector's own protocol instance, which Tomcat creates by
	 * class name.
	 */
	private final class HandOff implements TomcatProtocolHandlerCustomizer<ProtocolHandler> {

		private final PortReservation reservation;

		HandOff(PortReservation reservation) {
			this.reservation = reservation;
		}

		@Override
		public void customize(ProtocolHandler handler) {
			if (!(handler instanceof ReservedHttp11NioProtocol protocol)) {
				throw new IllegalStateException("The connector's protocol is " + handler.getClass().getName()
						+ ", but binding it from the block '" + ReservedPortTomcatCustomizer.this.server.blockName()
						+ "' needs " + ReservedHttp11NioProtocol.class.getName() + ": a customizer that runs after "
						+ "this one set another protocol; remove "
						+ ReservedPortTomcatCustomizer.this.server.blockProperty() + " or that customizer");
			}
			protocol.setReservation(this.reservation);
		}

	}

}
