package org.portreservation.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.portreservation.PortReservation;

import org.springframework.core.env.MapPropertySource;

/**
 * The properties that publish reserved blocks to an application context before any bean
 * exists: {@code portreservation.test.blocks.<name>.port} (the first port),
 * {@code .start-port}, {@code .end-port} and {@code .ports} (every port, comma
 * separated).
 */
final class BlockProperties {

	/** The name of the property source, and the prefix of its properties. */
	static final String PREFIX = "portreservation.test.blocks";

	private BlockProperties() {
	}

	static MapPropertySource of(ReservedBlocks blocks) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : blocks.names()) {
			PortReservation reservation = blocks.reservation(name);
			String prefix = PREFIX + "." + name + ".";
			StringJoiner ports = new StringJoiner(",");
			for (int port = reservation.startPort(); port <= reservation.endPort(); port++) {
				ports.add(Integer.toString(port));
			}
			properties.put(prefix + "port", reservation.startPort());
			properties.put(prefix + "start-port", reservation.startPort());
			properties.put(prefix + "end-port", reservation.endPort());
			properties.put(prefix + "ports", ports.toString());
		}
		return new MapPropertySource(PREFIX, properties);
	}

}
