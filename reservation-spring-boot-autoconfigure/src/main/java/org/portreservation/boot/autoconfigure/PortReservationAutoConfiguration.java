package org.portreservation.boot.autoconfigure;

import org.portreservation.PortReservations;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of port reservations:
 * reserves the configured blocks as soon as anything needs them and releases them when the context closes, after a
 * failed start-up too.
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
			PortReservationProperties properties) {
		return ConfiguredBlocks.reserve(portReservations, properties);
	}

}
