package org.portreservation.boot.autoconfigure;

import org.portreservation.PortReservations;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.devtools.restart.ConditionalOnInitializedRestarter;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of port reservations under DevTools:
 * the configured blocks are kept across restarts, so the server's port stays the same.
 * Without DevTools' restarts, {@link PortReservationAutoConfiguration} alone applies.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PortReservationAutoConfiguration.class)
@ConditionalOnClass(Restarter.class)
@ConditionalOnInitializedRestarter
@ConditionalOnBooleanProperty(name = "portreservation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PortReservationProperties.class)
public final class DevToolsPortReservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PortReservationTemplate portReservationTemplate(PortReservations portReservations,
			PortReservationProperties properties) {
		return RestartKeptBlocks.reserve(portReservations, properties, Restarter.getInstance());
	}

}
