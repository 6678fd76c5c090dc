package org.portreservation.boot.autoconfigure.tomcat;

import org.apache.catalina.startup.Tomcat;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.PortReservationProperties;
import org.portreservation.boot.autoconfigure.ServerBlock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that binds the embedded Tomcat, servlet or reactive, from the block
 * named by {@code portreservation.server.block}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PortReservationAutoConfiguration.class)
@ConditionalOnClass({ Tomcat.class, TomcatWebServerFactory.class })
@ConditionalOnWebApplication
@ConditionalOnProperty("portreservation.server.block")
@ConditionalOnBean(PortReservationTemplate.class)
public final class TomcatPortReservationAutoConfiguration {

	@Bean
	ReservedPortTomcatCustomizer portReservationTomcatCustomizer(PortReservationTemplate template,
			PortReservationProperties properties, Environment environment) {
		return new ReservedPortTomcatCustomizer(template,
				ServerBlock.server(properties.getServer().getBlock(), environment));
	}

}
