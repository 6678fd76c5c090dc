package org.portreservation.boot.autoconfigure.tomcat;

import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that lets the embedded Tomcat, servlet or reactive, main or
 * management, bind from a block.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ Tomcat.class, TomcatWebServerFactory.class })
public final class TomcatPortReservationAutoConfiguration {

	@Bean
	TomcatServerHandOff portReservationTomcatServerHandOff() {
		return new TomcatServerHandOff();
	}

}
