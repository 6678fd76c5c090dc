package org.portreservation.boot.autoconfigure.actuate;

import org.junit.jupiter.api.Test;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.actuate.PortReservationsEndpoint;
import org.portreservation.boot.actuate.PortReservationsEndpointWebExtension;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationsEndpointAutoConfiguration}.
 */
class PortReservationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
				PortReservationsEndpointAutoConfiguration.class))
		.withPropertyValues("portreservation.blocks.web.number-of-ports=2");

	@Test
	void endpointIsNotAvailableUntilExposed() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PortReservationTemplate.class)
			.doesNotHaveBean(PortReservationsEndpoint.class)
			.doesNotHaveBean(PortReservationsEndpointWebExtension.class));
	}

	@Test
	void endpointAndWebExtensionOnceExposedOverTheWeb() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=portreservations").run((context) -> {
			assertThat(context).hasSingleBean(PortReservationsEndpoint.class)
				.hasSingleBean(PortReservationsEndpointWebExtension.class);
			assertThat(context.getBean(PortReservationsEndpoint.class).portReservations().blocks())
				.containsOnlyKeys("web");
		});
	}

	@Test
	void endpointWithoutWebExtensionWhenExposedOverJmxOnly() {
		this.runner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=portreservations")
			.run((context) -> assertThat(context).hasSingleBean(PortReservationsEndpoint.class)
				.doesNotHaveBean(PortReservationsEndpointWebExtension.class));
	}

	@Test
	void noEndpointWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=portreservations",
					"management.endpoint.portreservations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(PortReservationsEndpoint.class));
	}

	@Test
	void noEndpointWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=portreservations")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PortReservationTemplate.class)
				.doesNotHaveBean(PortReservationsEndpoint.class));
	}

	@Test
	void noEndpointWhenPortReservationsAreDisabled() {
		this.runner
			.withPropertyValues("portreservation.enabled=false",
					"management.endpoints.web.exposure.include=portreservations")
			.run((context) -> assertThat(context).doesNotHaveBean(PortReservationsEndpoint.class));
	}

	@Test
	void holdersAreNeverShownByDefault() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=portreservations")
			.run((context) -> assertThat(context.getBean(PortReservationsEndpointProperties.class).getShowHolders())
				.isEqualTo(Show.NEVER));
	}

	@Test
	void showHoldersAndRolesAreBound() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=portreservations",
					"management.endpoint.portreservations.show-holders=when-authorized",
					"management.endpoint.portreservations.roles=OPS,ADMIN")
			.run((context) -> {
				PortReservationsEndpointProperties properties = context
					.getBean(PortReservationsEndpointProperties.class);
				assertThat(properties.getShowHolders()).isEqualTo(Show.WHEN_AUTHORIZED);
				assertThat(properties.getRoles()).containsExactlyInAnyOrder("OPS", "ADMIN");
			});
	}

	@Test
	void userEndpointReplacesTheConfiguredOne() {
		this.runner.withUserConfiguration(UserEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=portreservations")
			.run((context) -> assertThat(context).getBean(PortReservationsEndpoint.class)
				.isSameAs(context.getBean("userEndpoint")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		PortReservationsEndpoint userEndpoint(PortReservationTemplate template) {
			return new PortReservationsEndpoint(template, Show.ALWAYS);
		}

	}

}
