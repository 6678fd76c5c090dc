package org.portreservation.boot.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Stops start-up when {@code portreservation.server.block} is set but the web server is
 * not one that can bind from a block, rather than letting it bind its port unreserved.
 */
class ServerBlockSupportCheck implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

	private static final String TOMCAT_FACTORY = "org.springframework.boot.tomcat.TomcatWebServerFactory";

	private final String block;

	ServerBlockSupportCheck(String block) {
		this.block = block;
	}

	/**
	 * Last, with the customizer that binds from the block and after Boot's customizers
	 * (order 0); the factory's type, all it checks, is the same at any place.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		for (Class<?> type = factory.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(TOMCAT_FACTORY)) {
				return;
			}
		}
		throw new InvalidConfigurationPropertyValueException("portreservation.server.block", this.block,
				"Only the embedded Tomcat binds from a block, but this application's web server comes from "
						+ factory.getClass().getName()
						+ ". Use Tomcat (spring-boot-starter-tomcat), or remove portreservation.server.block.");
	}

}
