package org.portreservation.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.portreservation.PortReservation;
import org.portreservation.boot.AdoptedBlocks;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Lets the starter bind servers from a test's blocks:
 * {@code portreservation.server.block} and {@code portreservation.management.block} may
 * name a block that is not handed off. Loaded only when the starter is present.
 */
final class StarterAdoption {

	private static final String BEAN_NAME = "portReservationTestAdoptedBlocks";

	private static final List<String> SERVER_BLOCK_PROPERTIES = List.of("portreservation.server.block",
			"portreservation.management.block");

	private StarterAdoption() {
	}

	/**
	 * Refuses a server block whose ports are handed off, before anything is reserved: the
	 * server could bind none of them.
	 */
	static void check(Declaration declaration, Environment environment) {
		for (String property : SERVER_BLOCK_PROPERTIES) {
			String name = environment.getProperty(property);
			DeclaredBlock block = (name != null) ? declaration.blocks().get(name) : null;
			if (block != null && block.handOff()) {
				throw new IllegalStateException(property + " names the block '" + name + "' of the "
						+ declaration.source() + ", which is declared with handOff = true: its ports go to a server "
						+ "the test does not control, so none is left to bind this server from; name a block "
						+ "without handOff");
			}
		}
	}

	static void register(ReservedBlocks blocks, ConfigurableListableBeanFactory beanFactory) {
		Map<String, PortReservation> adopted = new LinkedHashMap<>();
		for (String name : blocks.names()) {
			if (!blocks.isHandedOff(name)) {
				adopted.put(name, blocks.reservation(name));
			}
		}
		beanFactory.registerSingleton(BEAN_NAME, new AdoptedBlocks(blocks.declaration().source(), adopted));
	}

}
