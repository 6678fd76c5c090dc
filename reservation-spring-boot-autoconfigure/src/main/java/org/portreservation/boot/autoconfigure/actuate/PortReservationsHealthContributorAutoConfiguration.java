package org.portreservation.boot.autoconfigure.actuate;

import java.util.List;

import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.actuate.PortReservationsHealthIndicator;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.PortReservationProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link PortReservationsHealthIndicator}, the {@code portReservations} health
 * contributor.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PortReservationAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnBean(PortReservationTemplate.class)
@ConditionalOnEnabledHealthIndicator("portreservations")
public final class PortReservationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "portReservationsHealthIndicator")
	PortReservationsHealthIndicator portReservationsHealthIndicator(PortReservationTemplate template,
			ObjectProvider<PortReservationProperties> properties) {
		List<String> configured = properties.stream()
			.flatMap((configuration) -> configuration.getBlocks().keySet().stream())
			.toList();
		return new PortReservationsHealthIndicator(template, configured);
	}

}
