package org.portreservation.boot.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes any embedded web server bind from a named block: the configured port if it is a
 * port of the block, any free port of the block if it is 0 or unset; a port outside the
 * block, or a server no {@link ServerHandOff} knows, stops start-up naming what to
 * change.
 * <p>
 * If the block was left out at start-up ({@code portreservation.fail-fast} false), the
 * server binds its port as it would without this library, and a warning says so.
 *
 * @since 0.1.0
 */
public final class ServerBlockCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

	private static final Log logger = LogFactory.getLog(ServerBlockCustomizer.class);

	private final PortReservationTemplate template;

	private final ServerBlock server;

	private final ObjectProvider<ServerHandOff> handOffs;

	/**
	 * Creates the customizer.
	 * @param template holds the named blocks
	 * @param server the block the server binds from and the properties that name it
	 * @param handOffs the hand-offs of the servers on the class path
	 */
	public ServerBlockCustomizer(PortReservationTemplate template, ServerBlock server,
			ObjectProvider<ServerHandOff> handOffs) {
		this.template = template;
		this.server = server;
		this.handOffs = handOffs;
	}

	/**
	 * Last, after Boot's customizers that set the port from {@code server.port} or
	 * {@code management.server.port} (order 0), so that the port of the block and the
	 * hand-off set here are the ones the server starts with.
	 * @return {@link Ordered#LOWEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		List<ServerHandOff> known = this.handOffs.orderedStream().toList();
		ServerHandOff handOff = known.stream()
			.filter((candidate) -> candidate.supports(factory))
			.findFirst()
			.orElseThrow(() -> unsupported(factory, known));
		PortReservation reservation = this.template.getReservations().get(this.server.blockName());
		if (reservation == null) {
			logger.warn(this.server.blockProperty() + " names the block '" + this.server.blockName()
					+ "', which was not reserved: the server binds " + this.server.portProperty()
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
		handOff.handOff(factory, reservation, this.server);
	}

	private InvalidConfigurationPropertyValueException unsupported(ConfigurableWebServerFactory factory,
			List<ServerHandOff> known) {
		List<String> names = known.stream().map(ServerHandOff::serverName).sorted().toList();
		String servers = switch (names.size()) {
			case 0 -> "none of the servers this library knows is on the class path";
			case 1 -> "it knows " + names.get(0);
			default -> "it knows " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
					+ names.get(names.size() - 1);
		};
		return new InvalidConfigurationPropertyValueException(this.server.blockProperty(), this.server.blockName(),
				"This application's web server comes from " + factory.getClass().getName()
						+ ", which portreservation cannot bind from a block (" + servers + "). Use one of those, "
						+ "or remove " + this.server.blockProperty() + ".");
	}

}
