package org.portreservation.boot.autoconfigure.netty;

import org.junit.jupiter.api.Test;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;
import org.portreservation.boot.autoconfigure.ServerHandOff;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.tomcat.reactive.TomcatReactiveWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NettyPortReservationAutoConfiguration} and {@link NettyServerHandOff}.
 */
class NettyPortReservationAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class,
				NettyPortReservationAutoConfiguration.class))
		.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web");

	@Test
	void handOffBindsNettyServersOnly() {
		this.runner.run((context) -> {
			ServerHandOff netty = context.getBean(NettyServerHandOff.class);
			assertThat(netty.serverName()).isEqualTo("Reactor Netty");
			assertThat(netty.supports(new NettyReactiveWebServerFactory())).isTrue();
			assertThat(netty.supports(new TomcatReactiveWebServerFactory())).isFalse();
		});
	}

	@Test
	void withoutReactorNettyThereIsNoHandOff() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpServer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NettyServerHandOff.class));
	}

}
