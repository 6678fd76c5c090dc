package org.portreservation.boot.autoconfigure.management;

import org.apache.catalina.startup.Tomcat;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.PortReservationProperties;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.autoconfigure.tomcat.ReservedPortTomcatCustomizer;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link ManagementContextConfiguration @ManagementContextConfiguration} that binds the
 * management server, when it runs on its own port, from the block named by
 * {@code portreservation.management.block}. The child context does not see the main
 * context's customizers, hence this configuration of its own.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnClass({ Tomcat.class, TomcatWebServerFactory.class })
@ConditionalOnProperty("portreservation.management.block")
@ConditionalOnBean(PortReservationTemplate.class)
class TomcatManagementPortReservationConfiguration {

	@Bean
	ReservedPortTomcatCustomizer portReservationManagementTomcatCustomizer(PortReservationTemplate template,
			PortReservationProperties properties, Environment environment) {
		return new ReservedPortTomcatCustomizer(template,
				ServerBlock.management(properties.getManagement().getBlock(), environment));
	}

}
