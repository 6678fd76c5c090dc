package org.portreservation.boot.autoconfigure.diagnostics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.boot.autoconfigure.PortReservationProperties.Block;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The server whose port could not be bound, told apart by the property that set it, so
 * that an analysis names what the user wrote and the block property that would replace
 * it.
 *
 * @param server {@code web server} or {@code management server}
 * @param portProperty {@code server.port} or {@code management.server.port}
 * @param blockProperty the property naming the block the server could bind from
 * @param port the port
 */
record ServerPort(String server, String portProperty, String blockProperty, int port) {

	static ServerPort of(int port, Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		Integer serverPort = environment.getProperty("server.port", Integer.class);
		if (Objects.equals(managementPort, port) && !Objects.equals(serverPort, port)) {
			return new ServerPort("management server", "management.server.port", "portreservation.management.block",
					port);
		}
		return new ServerPort("web server", "server.port", "portreservation.server.block", port);
	}

	/**
	 * The names of the configured blocks with an explicit start port that contain the
	 * port, which this application reserved at start-up.
	 */
	List<String> blocksContainingThePort(Environment environment) {
		if (!environment.getProperty("portreservation.enabled", Boolean.class, true)) {
			return List.of();
		}
		Map<String, Block> blocks = Binder.get(environment)
			.bind("portreservation.blocks", Bindable.mapOf(String.class, Block.class))
			.orElse(Map.of());
		return blocks.entrySet().stream().filter((entry) -> contains(entry.getValue())).map(Map.Entry::getKey).toList();
	}

	private boolean contains(Block block) {
		try {
			return block.getStartPort() != 0 && block.toPortBlock().contains(this.port);
		}
		catch (InvalidReservationArgumentException ex) {
			// A block whose properties are not valid was never reserved.
			return false;
		}
	}

	/** How a user makes this server's port a reserved one. */
	String reserveInstead() {
		String name = "web server".equals(this.server) ? "web" : "management";
		return "To have a port no other process can take, reserve it and bind the " + this.server
				+ " from the block: leave " + this.portProperty + " unset (or 0) and set " + this.blockProperty
				+ " to the name of a tcp block, for example portreservation.blocks." + name + ".number-of-ports=1 and "
				+ this.blockProperty + "=" + name + ".";
	}

}
