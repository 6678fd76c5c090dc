package org.portreservation.boot.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.actuate.PortReservationMetrics;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link PortReservationMetrics} of the named blocks.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PortReservationAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, PortReservationTemplate.class })
public final class PortReservationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PortReservationMetrics portReservationMetrics(PortReservationTemplate template) {
		return new PortReservationMetrics(template);
	}

}
