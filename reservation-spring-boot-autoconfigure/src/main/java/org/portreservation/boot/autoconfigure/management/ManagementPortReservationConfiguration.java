package org.portreservation.boot.autoconfigure.management;

import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.autoconfigure.ServerBlockCustomizer;
import org.portreservation.boot.autoconfigure.ServerHandOff;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link ManagementContextConfiguration @ManagementContextConfiguration} that binds the
 * management server, when it runs on its own port, from the block named by
 * {@code portreservation.management.block}, whichever server it is. The child context
 * does not see the main context's customizers, hence this configuration of its own.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnProperty("portreservation.management.block")
@ConditionalOnBean(PortReservationTemplate.class)
class ManagementPortReservationConfiguration {

	@Bean
	ServerBlockCustomizer portReservationManagementServerBlockCustomizer(PortReservationTemplate template,
			Environment environment, ObjectProvider<ServerHandOff> handOffs) {
		// The condition above guarantees the property; read where it was decided.
		String block = environment.getRequiredProperty("portreservation.management.block");
		return new ServerBlockCustomizer(template, ServerBlock.management(block, environment), handOffs);
	}

}
