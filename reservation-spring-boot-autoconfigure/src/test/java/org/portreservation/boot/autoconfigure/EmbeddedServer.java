package org.portreservation.boot.autoconfigure;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The embedded servers on this module's test class path, where Boot would pick one of
 * them by its own order: a start-up names the server it means, and the others'
 * auto-configurations are left out, so the test runs Boot's real auto-configured server.
 */
public enum EmbeddedServer {

	/** Tomcat, servlet or reactive. */
	TOMCAT("org.springframework.boot.tomcat.autoconfigure."),

	/** Jetty, servlet or reactive. */
	JETTY("org.springframework.boot.jetty.autoconfigure.");

	private static final String[] CONFIGURATIONS = { "servlet.%sServletWebServerAutoConfiguration",
			"reactive.%sReactiveWebServerAutoConfiguration",
			"actuate.web.server.%sServletManagementContextAutoConfiguration",
			"actuate.web.server.%sReactiveManagementContextAutoConfiguration" };

	private final String packageName;

	EmbeddedServer(String packageName) {
		this.packageName = packageName;
	}

	/**
	 * The property that leaves out every other server's auto-configuration.
	 * @return a {@code spring.autoconfigure.exclude=...} pair
	 */
	String excludingTheOthers() {
		return "spring.autoconfigure.exclude=" + Arrays.stream(values())
			.filter((server) -> server != this)
			.flatMap(EmbeddedServer::autoConfigurations)
			.collect(Collectors.joining(","));
	}

	private java.util.stream.Stream<String> autoConfigurations() {
		String simpleName = name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		return Arrays.stream(CONFIGURATIONS)
			.map((configuration) -> this.packageName + String.format(configuration, simpleName));
	}

}
