package org.portreservation.boot.autoconfigure.management;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.ServerBlockCustomizer;
import org.portreservation.boot.autoconfigure.tomcat.TomcatPortReservationAutoConfiguration;
import org.portreservation.boot.tomcat.ReservedHttp11NioProtocol;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ManagementPortReservationConfiguration} in a child context, as Boot
 * runs a management server on its own port.
 */
class ManagementPortReservationConfigurationTests {

	@Test
	void managementBlockRegistersTheCustomizerInTheChildContext() {
		runChild("true", (child) -> assertThat(child).hasSingleBean(ServerBlockCustomizer.class),
				"portreservation.management.block=management");
	}

	@Test
	void customizerRunsAfterBootsManagementCustomizerThatSetsThePort() {
		runChild("true",
				(child) -> assertThat(AnnotationAwareOrderComparator.INSTANCE.compare(
						new ManagementWebServerFactoryCustomizer<>(child.getBeanFactory()),
						child.getBean(ServerBlockCustomizer.class)))
					.isNegative(),
				"portreservation.management.block=management");
	}

	@Test
	void theChildBindsTheManagementServerThroughTheMainContextsHandOffs() {
		runChild("true", (child) -> {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
			child.getBean(ServerBlockCustomizer.class).customize(factory);
			assertThat(factory.getProtocol()).isEqualTo(ReservedHttp11NioProtocol.class.getName());
		}, "portreservation.management.block=management");
	}

	@Test
	void withoutManagementBlockTheManagementServerIsLeftAlone() {
		runChild("true", (child) -> assertThat(child).doesNotHaveBean(ServerBlockCustomizer.class));
	}

	@Test
	void whenDisabledTheManagementServerIsLeftAlone() {
		runChild("false", (child) -> assertThat(child).doesNotHaveBean(ServerBlockCustomizer.class),
				"portreservation.management.block=management");
	}

	private void runChild(String enabled, Consumer<AssertableWebApplicationContext> assertions,
			String... childProperties) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
					TomcatPortReservationAutoConfiguration.class))
			.withPropertyValues("portreservation.enabled=" + enabled,
					"portreservation.blocks.management.number-of-ports=1")
			.run((parent) -> new WebApplicationContextRunner().withParent(parent)
				.withUserConfiguration(ManagementPortReservationConfiguration.class)
				.withPropertyValues(childProperties)
				.run(assertions::accept));
	}

}
