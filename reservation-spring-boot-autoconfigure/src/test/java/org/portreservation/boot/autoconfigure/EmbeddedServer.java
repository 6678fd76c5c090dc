package org.portreservation.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The embedded servers on this module's test class path, where Boot would pick one of
 * them by its own order: a start-up names the server it means, and the others'
 * auto-configurations are left out, Boot's and this library's hand-off alike, so the test
 * runs Boot's real auto-configured server as an application with only that server on its
 * class path would.
 */
public enum EmbeddedServer {

	/** Tomcat, servlet or reactive. */
	TOMCAT("org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
					+ "TomcatServletManagementContextAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
					+ "TomcatReactiveManagementContextAutoConfiguration",
			"org.portreservation.boot.autoconfigure.tomcat.TomcatPortReservationAutoConfiguration"),

	/** Jetty, servlet or reactive. */
	JETTY("org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration",
			"org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration",
			"org.springframework.boot.jetty.autoconfigure.actuate.web.server."
					+ "JettyServletManagementContextAutoConfiguration",
			"org.springframework.boot.jetty.autoconfigure.actuate.web.server."
					+ "JettyReactiveManagementContextAutoConfiguration",
			"org.portreservation.boot.autoconfigure.jetty.JettyPortReservationAutoConfiguration"),

	/** Reactor Netty, reactive only. */
	NETTY("org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
			"org.springframework.boot.reactor.netty.autoconfigure.actuate.web.server."
					+ "NettyReactiveManagementContextAutoConfiguration",
			"org.portreservation.boot.autoconfigure.netty.NettyPortReservationAutoConfiguration");

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
