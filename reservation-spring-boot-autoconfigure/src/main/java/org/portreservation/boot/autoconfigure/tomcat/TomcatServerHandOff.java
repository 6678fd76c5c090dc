package org.portreservation.boot.autoconfigure.tomcat;

import org.apache.coyote.ProtocolHandler;
import org.portreservation.PortReservation;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.autoconfigure.ServerHandOff;
import org.portreservation.boot.tomcat.ReservedHttp11NioProtocol;

import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;

/**
 * Binds Tomcat, servlet or reactive, from a block: its connector uses
 * {@link ReservedHttp11NioProtocol}, whose endpoint binds its channel through the block.
 *
 * @since 0.1.0
 */
public final class TomcatServerHandOff extends ServerHandOff {

	/**
	 * Creates the hand-off of Tomcat.
	 */
	public TomcatServerHandOff() {
		super("Tomcat", TomcatWebServerFactory.class);
	}

	@Override
	public void handOff(ConfigurableWebServerFactory factory, PortReservation reservation, ServerBlock server) {
		TomcatWebServerFactory tomcat = (TomcatWebServerFactory) factory;
		tomcat.setProtocol(ReservedHttp11NioProtocol.class.getName());
		tomcat.addProtocolHandlerCustomizers(new ProtocolHandOff(reservation, server));
	}

	/**
	 * Hands the block to the connector's own protocol instance, which Tomcat creates by
	 * class name.
	 */
	private record ProtocolHandOff(PortReservation reservation,
			ServerBlock server) implements TomcatProtocolHandlerCustomizer<ProtocolHandler> {

		@Override
		public void customize(ProtocolHandler handler) {
			if (!(handler instanceof ReservedHttp11NioProtocol protocol)) {
				throw new IllegalStateException("The connector's protocol is " + handler.getClass().getName()
						+ ", but binding it from the block '" + this.server.blockName() + "' needs "
						+ ReservedHttp11NioProtocol.class.getName() + ": a customizer that runs after this one set "
						+ "another protocol; remove " + this.server.blockProperty() + " or that customizer");
			}
			protocol.setReservation(this.reservation);
		}

	}

}
