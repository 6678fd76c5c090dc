package org.portreservation.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * The block a web server binds from and the properties that name it and the server's
 * port: the main server's or the management server's, so one customizer serves both and
 * its messages name what the user set.
 *
 * @param blockProperty the property that names the block
 * @param blockName the block's name
 * @param portProperty the property that sets the server's port
 * @param port that property's value, or {@code null} when unset
 * @since 0.1.0
 */
public record ServerBlock(String blockProperty, String blockName, String portProperty, @Nullable Integer port) {

	/**
	 * The main web server's block, from {@code portreservation.server.block} and
	 * {@code server.port}.
	 * @param blockName the value of {@code portreservation.server.block}
	 * @param environment where {@code server.port} is read
	 * @return the main server's block
	 */
	public static ServerBlock server(String blockName, Environment environment) {
		return new ServerBlock("portreservation.server.block", blockName, "server.port",
				environment.getProperty("server.port", Integer.class));
	}

	/**
	 * The management server's block, from {@code portreservation.management.block} and
	 * {@code management.server.port}.
	 * @param blockName the value of {@code portreservation.management.block}
	 * @param environment where {@code management.server.port} is read
	 * @return the management server's block
	 */
	public static ServerBlock management(String blockName, Environment environment) {
		return new ServerBlock("portreservation.management.block", blockName, "management.server.port",
				environment.getProperty("management.server.port", Integer.class));
	}

}
