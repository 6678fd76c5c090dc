package org.portreservation.boot.autoconfigure.tomcat;

import java.util.List;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.autoconfigure.ServerBlockCustomizer;
import org.portreservation.boot.autoconfigure.ServerHandOff;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;
import org.portreservation.boot.tomcat.ReservedHttp11NioProtocol;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.servlet.ServletWebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TomcatPortReservationAutoConfiguration}, {@link TomcatServerHandOff}
 * and the {@link ServerBlockCustomizer} with Tomcat.
 */
class TomcatPortReservationAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(PortReservationAutoConfiguration.class, TomcatPortReservationAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("portreservation.blocks.web.number-of-ports=3");

	@Test
	void serverBlockRegistersTheCustomizer() {
		this.runner.withPropertyValues("portreservation.server.block=web")
			.run((context) -> assertThat(context).hasSingleBean(ServerBlockCustomizer.class));
	}

	@Test
	void reactiveApplicationGetsTheCustomizerToo() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web")
			.run((context) -> assertThat(context).hasSingleBean(ServerBlockCustomizer.class));
	}

	@Test
	void withoutServerBlockTheServerIsLeftAlone() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ServerBlockCustomizer.class));
	}

	@Test
	void withoutTomcatTheServerIsLeftAlone() {
		this.runner.withPropertyValues("portreservation.server.block=web")
			.withClassLoader(new FilteredClassLoader(Tomcat.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TomcatServerHandOff.class));
	}

	@Test
	void outsideAWebApplicationTheServerBlockIsIgnored() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ServerBlockCustomizer.class));
	}

	@Test
	void whenDisabledTheServerIsLeftAlone() {
		this.runner.withPropertyValues("portreservation.server.block=web", "portreservation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerBlockCustomizer.class));
	}

	@Test
	void ourCustomizersRunAfterBootsOwnThatSetThePort() {
		new WebApplicationContextRunner(AnnotationConfigServletWebServerApplicationContext::new)
			.withConfiguration(CONFIGURATIONS)
			.withConfiguration(AutoConfigurations.of(TomcatServletWebServerAutoConfiguration.class))
			.withPropertyValues("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web")
			.run((context) -> {
				List<Object> boots = List.of(context.getBean(ServletWebServerFactoryCustomizer.class),
						context.getBean(TomcatWebServerFactoryCustomizer.class));
				List<Object> ours = List.of(context.getBean(ServerBlockCustomizer.class));
				for (Object before : boots) {
					for (Object after : ours) {
						assertThat(AnnotationAwareOrderComparator.INSTANCE.compare(before, after))
							.as("%s runs before %s", before, after)
							.isNegative();
					}
				}
			});
	}

	@Test
	void unsetServerPortBindsAnyPortOfTheBlockThroughTheReservedProtocol() {
		this.runner.withPropertyValues("portreservation.server.block=web").run((context) -> {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
			context.getBean(ServerBlockCustomizer.class).customize(factory);
			assertThat(factory.getPort()).isZero();
			assertThat(factory.getProtocol()).isEqualTo(ReservedHttp11NioProtocol.class.getName());
			assertThat(factory.getProtocolHandlerCustomizers()).hasSize(1);
		});
	}

	@Test
	void serverPortInsideTheBlockIsKept() {
		this.runner.withPropertyValues("portreservation.server.block=web").run((context) -> {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
			new ServerBlockCustomizer(context.getBean(PortReservationTemplate.class),
					new ServerBlock("portreservation.server.block", "web", "server.port", web.endPort()),
					context.getBeanProvider(ServerHandOff.class))
				.customize(factory);
			assertThat(factory.getPort()).isEqualTo(web.endPort());
		});
	}

	@Test
	void serverPortOutsideTheBlockIsRefusedNamingBoth() {
		this.runner.withPropertyValues("portreservation.server.block=web").run((context) -> {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			ServerBlockCustomizer customizer = new ServerBlockCustomizer(context.getBean(PortReservationTemplate.class),
					new ServerBlock("portreservation.server.block", "web", "server.port", web.endPort() + 1),
					context.getBeanProvider(ServerHandOff.class));
			assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
				.isThrownBy(() -> customizer.customize(new TomcatServletWebServerFactory()))
				.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("server.port"))
				.withMessageContaining("portreservation.server.block")
				.withMessageContaining("between " + web.startPort() + " and " + web.endPort());
		});
	}

	@Test
	void protocolReplacedByAnotherCustomizerIsReported() {
		this.runner.withPropertyValues("portreservation.server.block=web").run((context) -> {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
			context.getBean(ServerBlockCustomizer.class).customize(factory);
			factory.setProtocol(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> factory.getWebServer().start())
				.withStackTraceContaining(
						"but binding it from the block 'web' needs " + ReservedHttp11NioProtocol.class.getName());
		});
	}

}
