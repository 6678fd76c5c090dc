package org.portreservation.boot.autoconfigure.management;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.tomcat.ReservedPortTomcatCustomizer;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementWebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TomcatManagementPortReservationConfiguration} in a child context, as
 * Boot runs a management server on its own port.
 */
class TomcatManagementPortReservationConfigurationTests {

	@Test
	void managementBlockRegistersTheCustomizerInTheChildContext() {
		runChild("true", (child) -> assertThat(child).hasSingleBean(ReservedPortTomcatCustomizer.class),
				"portreservation.management.block=management");
	}

	@Test
	void customizerRunsAfterBootsManagementCustomizerThatSetsThePort() {
		runChild("true",
				(child) -> assertThat(AnnotationAwareOrderComparator.INSTANCE.compare(
						new ManagementWebServerFactoryCustomizer<>(child.getBeanFactory()),
						child.getBean(ReservedPortTomcatCustomizer.class)))
					.isNegative(),
				"portreservation.management.block=management");
	}

	@Test
	void withoutManagementBlockTheManagementServerIsLeftAlone() {
		runChild("true", (child) -> assertThat(child).doesNotHaveBean(ReservedPortTomcatCustomizer.class));
	}

	@Test
	void whenDisabledTheManagementServerIsLeftAlone() {
		runChild("false", (child) -> assertThat(child).doesNotHaveBean(ReservedPortTomcatCustomizer.class),
				"portreservation.management.block=management");
	}

	private void runChild(String enabled, Consumer<AssertableWebApplicationContext> assertions,
			String... childProperties) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class))
			.withPropertyValues("portreservation.enabled=" + enabled,
					"portreservation.blocks.management.number-of-ports=1")
			.run((parent) -> new WebApplicationContextRunner().withParent(parent)
				.withUserConfiguration(TomcatManagementPortReservationConfiguration.class)
				.withPropertyValues(childProperties)
				.run(assertions::accept));
	}

}
