package org.portreservation.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The embedded servers on this module's test class path, where Boot would pick one of
 * them by its own order: a start-up names the server it means, and the others'
 * auto-configurations are left out, so the test runs Boot's real auto-configured server.
 */
public enum EmbeddedServer {

	/** Tomcat, servlet or reactive. */
	TOMCAT("org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
					+ "TomcatServletManagementContextAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
					+ "TomcatReactiveManagementContextAutoConfiguration"),

	/** Jetty, servlet or reactive. */
	JETTY("org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration",
			"org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration",
			"org.springframework.boot.jetty.autoconfigure.actuate.web.server."
					+ "JettyServletManagementContextAutoConfiguration",
			"org.springframework.boot.jetty.autoconfigure.actuate.web.server."
					+ "JettyReactiveManagementContextAutoConfiguration"),

	/** Reactor Netty, reactive only. */
	NETTY("org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
			"org.springframework.boot.reactor.netty.autoconfigure.actuate.web.server."
					+ "NettyReactiveManagementContextAutoConfiguration");

	private final List<String> autoConfigurations;

	EmbeddedServer(String... autoConfigurations) {
		this.autoConfigurations = List.of(autoConfigurations);
	}

	/**
	 * The property that leaves out every other server's auto-configuration.
	 * @return a {@code spring.autoconfigure.exclude=...} pair
	 */
	String excludingTheOthers() {
		return "spring.autoconfigure.exclude=" + Arrays.stream(values())
			.filter((server) -> server != this)
			.flatMap((server) -> server.autoConfigurations.stream())
			.collect(Collectors.joining(","));
	}

}
