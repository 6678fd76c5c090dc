package org.portreservation.boot.autoconfigure;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * Warns when {@code portreservation.management.block} is set but Boot runs no separate
 * management server, so the block would otherwise sit unused without a word.
 */
class ManagementBlockCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ManagementBlockCheck.class);

	private final Environment environment;

	ManagementBlockCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Integer managementPort = this.environment.getProperty("management.server.port", Integer.class);
		Integer serverPort = this.environment.getProperty("server.port", Integer.class, 8080);
		if (managementPort == null || (managementPort != 0 && Objects.equals(managementPort, serverPort))) {
			logger.warn("portreservation.management.block names the block '"
					+ this.environment.getProperty("portreservation.management.block") + "', but the management "
					+ "endpoints share the main server's port, so no management server binds from it: set "
					+ "management.server.port to 0 or to a port of the block to run one");
		}
	}

}
