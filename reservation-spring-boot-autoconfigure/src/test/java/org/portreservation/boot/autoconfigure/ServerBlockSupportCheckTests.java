package org.portreservation.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.reactive.TomcatReactiveWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ServerBlockSupportCheck}.
 */
class ServerBlockSupportCheckTests {

	private final ServerBlockSupportCheck check = new ServerBlockSupportCheck("web");

	@Test
	void tomcatServersPass() {
		assertThatNoException().isThrownBy(() -> this.check.customize(new TomcatServletWebServerFactory()));
		assertThatNoException().isThrownBy(() -> this.check.customize(new TomcatReactiveWebServerFactory()));
	}

	@Test
	void otherServersStopStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> this.check.customize(new OtherWebServerFactory()))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("portreservation.server.block"))
			.withMessageContaining("Only the embedded Tomcat binds from a block")
			.withMessageContaining(OtherWebServerFactory.class.getName());
	}

	@Test
	void checkIsRegisteredOnlyForWebApplicationsWithAServerBlock() {
		AutoConfigurations configurations = AutoConfigurations.of(PortReservationAutoConfiguration.class);
		new WebApplicationContextRunner().withConfiguration(configurations)
			.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web")
			.run((context) -> assertThat(context).hasSingleBean(ServerBlockSupportCheck.class));
		new WebApplicationContextRunner().withConfiguration(configurations)
			.run((context) -> assertThat(context).doesNotHaveBean(ServerBlockSupportCheck.class));
		new ApplicationContextRunner().withConfiguration(configurations)
			.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerBlockSupportCheck.class));
	}

	static class OtherWebServerFactory extends AbstractConfigurableWebServerFactory {

	}

}
