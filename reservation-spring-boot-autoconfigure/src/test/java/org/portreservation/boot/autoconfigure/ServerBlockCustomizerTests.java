package org.portreservation.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.portreservation.boot.autoconfigure.jetty.JettyPortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.netty.NettyPortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.tomcat.TomcatPortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.tomcat.TomcatServerHandOff;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.reactive.TomcatReactiveWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServerBlockCustomizer}: which servers it binds from a block, and the
 * message for those it cannot.
 */
class ServerBlockCustomizerTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
				TomcatPortReservationAutoConfiguration.class))
		.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web");

	@Test
	void tomcatServersAreBoundThroughTheirHandOff() {
		TomcatServerHandOff tomcat = new TomcatServerHandOff();
		assertThat(tomcat.supports(new TomcatServletWebServerFactory())).isTrue();
		assertThat(tomcat.supports(new TomcatReactiveWebServerFactory())).isTrue();
		assertThat(tomcat.supports(new OtherWebServerFactory())).isFalse();
	}

	@Test
	void otherServersStopStartupNamingThePropertyAndTheServersItKnows() {
		this.runner.run((context) -> assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> context.getBean(ServerBlockCustomizer.class).customize(new OtherWebServerFactory()))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("portreservation.server.block"))
			.withMessageContaining(OtherWebServerFactory.class.getName()
					+ ", which portreservation cannot bind from a block (it knows Tomcat)"));
	}

	@Test
	void messageListsEveryServerItKnows() {
		this.runner
			.withConfiguration(AutoConfigurations.of(JettyPortReservationAutoConfiguration.class,
					NettyPortReservationAutoConfiguration.class))
			.run((context) -> assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
				.isThrownBy(() -> context.getBean(ServerBlockCustomizer.class).customize(new OtherWebServerFactory()))
				.withMessageContaining("(it knows Jetty, Reactor Netty and Tomcat)"));
	}

	@Test
	void customizerIsRegisteredOnlyForWebApplicationsWithAServerBlock() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ServerBlockCustomizer.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ServerBlockCustomizer.class));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class))
			.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerBlockCustomizer.class));
	}

	static class OtherWebServerFactory extends AbstractConfigurableWebServerFactory {

	}

}
