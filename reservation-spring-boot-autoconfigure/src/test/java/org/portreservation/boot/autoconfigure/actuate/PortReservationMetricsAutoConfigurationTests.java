package org.portreservation.boot.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.portreservation.boot.actuate.PortReservationMetrics;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationMetricsAutoConfiguration}.
 */
class PortReservationMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				PortReservationAutoConfiguration.class, PortReservationMetricsAutoConfiguration.class))
		.withPropertyValues("portreservation.blocks.web.number-of-ports=2");

	@Test
	void gaugesOfEveryBlockAreRegistered() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PortReservationMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(
					registry.get(PortReservationMetrics.PORTS).tag("block", "web").tag("state", "free").gauge().value())
				.isEqualTo(2);
			assertThat(registry.get(PortReservationMetrics.PORTS)
				.tag("block", "web")
				.tag("state", "in-use")
				.gauge()
				.value()).isZero();
		});
	}

	@Test
	void noMetricsWithoutMicrometerAndNothingFails() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
					PortReservationMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PortReservationMetrics.class));
	}

	@Test
	void noMetricsWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
					PortReservationMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PortReservationMetrics.class));
	}

	@Test
	void noMetricsWhenPortReservationsAreDisabled() {
		this.runner.withPropertyValues("portreservation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PortReservationMetrics.class));
	}

}
