package org.portreservation.boot.autoconfigure.jetty;

import org.eclipse.jetty.server.Server;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that lets the embedded Jetty, servlet or reactive, main or
 * management, bind from a block.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ Server.class, ConfigurableJettyWebServerFactory.class })
public final class JettyPortReservationAutoConfiguration {

	@Bean
	JettyServerHandOff portReservationJettyServerHandOff() {
		return new JettyServerHandOff();
	}

}
