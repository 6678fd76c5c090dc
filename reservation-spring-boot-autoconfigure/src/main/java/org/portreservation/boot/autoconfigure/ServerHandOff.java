package org.portreservation.boot.autoconfigure;

import org.portreservation.PortReservation;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;

/**
 * How one kind of embedded web server is made to bind from a block, the only part that
 * differs between servers: {@link ServerBlockCustomizer} finds the block, applies the
 * port rules and then asks the hand-off of the server at hand.
 *
 * @since 0.1.0
 */
public abstract class ServerHandOff {

	private final String serverName;

	private final Class<? extends ConfigurableWebServerFactory> factoryType;

	/**
	 * Creates the hand-off of a server.
	 * @param serverName the server's name, as messages show it
	 * @param factoryType the type of the server's factories, servlet and reactive
	 */
	protected ServerHandOff(String serverName, Class<? extends ConfigurableWebServerFactory> factoryType) {
		this.serverName = serverName;
		this.factoryType = factoryType;
	}

	/**
	 * The server's name, as messages show it.
	 * @return for example {@code Tomcat}
	 */
	public final String serverName() {
		return this.serverName;
	}

	/**
	 * Whether the factory builds this hand-off's server.
	 * @param factory the factory being customized
	 * @return {@code true} if {@link #handOff} can bind its server from a block
	 */
	public final boolean supports(ConfigurableWebServerFactory factory) {
		return this.factoryType.isInstance(factory);
	}

	/**
	 * Makes the factory's server bind its port, which is already set on the factory, from
	 * the block.
	 * @param factory a factory this hand-off supports
	 * @param reservation the block, a TCP block
	 * @param server the properties that name the block and the port, for messages
	 */
	public abstract void handOff(ConfigurableWebServerFactory factory, PortReservation reservation, ServerBlock server);

}
