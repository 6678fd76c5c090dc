package org.portreservation.boot.autoconfigure.actuate;

import org.junit.jupiter.api.Test;
import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.Protocol;
import org.portreservation.SocketHolder;
import org.portreservation.boot.actuate.PortReservationsHealthIndicator;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationsHealthContributorAutoConfiguration}.
 */
class PortReservationsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
				PortReservationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("portreservation.blocks.web.number-of-ports=2");

	@Test
	void healthContributorIsNamedPortReservations() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PortReservationsHealthIndicator.class)
				.hasBean("portReservationsHealthIndicator");
			assertThat(context.getBean(PortReservationsHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void noHealthContributorWhenDisabled() {
		this.runner.withPropertyValues("management.health.portreservations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PortReservationsHealthIndicator.class));
	}

	@Test
	void noHealthContributorWhenDefaultHealthIndicatorsAreDisabled() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PortReservationsHealthIndicator.class));
	}

	@Test
	void noHealthContributorWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(Health.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PortReservationsHealthIndicator.class));
	}

	@Test
	void noHealthContributorWhenPortReservationsAreDisabled() {
		this.runner.withPropertyValues("portreservation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PortReservationsHealthIndicator.class));
	}

	@Test
	void downWhenAConfiguredBlockWasLeftOutBecauseAnotherProcessHoldsItsPort() {
		int taken = FreeBlocks.start(Protocol.TCP, 1);
		try (JavaProcess holder = SocketHolder.hold(Protocol.TCP, taken)) {
			this.runner
				.withPropertyValues("portreservation.fail-fast=false", "portreservation.blocks.api.start-port=" + taken)
				.run((context) -> {
					Health health = context.getBean(PortReservationsHealthIndicator.class).health(true);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsOnlyKeys("web", "api");
					assertThat((String) health.getDetails().get("api")).startsWith("not reserved");
				});
		}
	}

}
