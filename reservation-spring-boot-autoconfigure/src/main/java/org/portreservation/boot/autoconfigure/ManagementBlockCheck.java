package org.portreservation.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * Warns when {@code portreservation.management.block} is set but Boot runs the management
 * endpoints on the main server's port, so the block would otherwise sit unused without a
 * word. Whether they share it is Boot's own {@link ManagementPortType} decision, so the
 * check cannot disagree with the server Boot actually starts.
 */
class ManagementBlockCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ManagementBlockCheck.class);

	private final Environment environment;

	ManagementBlockCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (ManagementPortType.get(this.environment) == ManagementPortType.SAME) {
			logger.warn("portreservation.management.block names the block '"
					+ this.environment.getProperty("portreservation.management.block") + "', but the management "
					+ "endpoints share the main server's port, so no management server binds from it: set "
					+ "management.server.port to 0 or to a port of the block to run one");
		}
	}

}
