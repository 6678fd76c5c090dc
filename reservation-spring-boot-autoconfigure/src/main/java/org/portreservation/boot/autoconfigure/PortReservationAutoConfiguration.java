package org.portreservation.boot.autoconfigure;

import org.portreservation.PortReservations;
import org.portreservation.boot.AdoptedBlocks;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of port reservations: reserves the configured blocks as soon as
 * anything needs them and releases them when the context closes, after a failed start-up
 * too.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "portreservation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PortReservationProperties.class)
public final class PortReservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PortReservations portReservations() {
		return PortReservations.forCurrentPlatform();
	}

	@Bean
	@ConditionalOnMissingBean
	PortReservationTemplate portReservationTemplate(PortReservations portReservations,
			PortReservationProperties properties, ObjectProvider<AdoptedBlocks> adopted) {
		return ConfiguredBlocks.reserve(portReservations, properties, adopted.getIfAvailable(AdoptedBlocks::none));
	}

	/**
	 * Only with the actuator is there a management server to bind from the block, and
	 * {@link ManagementPortType} to tell whether it runs on its own port.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ManagementPortType.class)
	@ConditionalOnProperty("portreservation.management.block")
	static class ManagementBlockConfiguration {

		@Bean
		ManagementBlockCheck portReservationManagementBlockCheck(Environment environment) {
			return new ManagementBlockCheck(environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebServerFactoryCustomizer.class)
	@ConditionalOnWebApplication
	@ConditionalOnProperty("portreservation.server.block")
	static class ServerBlockConfiguration {

		@Bean
		ServerBlockCustomizer portReservationServerBlockCustomizer(PortReservationTemplate template,
				PortReservationProperties properties, Environment environment, ObjectProvider<ServerHandOff> handOffs) {
			return new ServerBlockCustomizer(template,
					ServerBlock.server(properties.getServer().getBlock(), environment), handOffs);
		}

	}

}
