package org.portreservation.boot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.portreservation.boot.testapp.TestApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link TestApplication} for real and records the ports its web servers report.
 */
public final class Startups {

	/**
	 * Port reported by each {@link WebServerInitializedEvent}, by server namespace
	 * ({@code ""} for the main one).
	 */
	private final Map<String, Integer> reportedPorts = new ConcurrentHashMap<>();

	private final EmbeddedServer server;

	private final Class<?>[] sources;

	/**
	 * Start-ups of {@link TestApplication} on Tomcat.
	 */
	public Startups() {
		this(EmbeddedServer.TOMCAT);
	}

	/**
	 * Start-ups of {@link TestApplication} on a server of this module's test class path.
	 * @param server the server to run
	 * @param sources more configuration, in classes without {@code @Configuration} so
	 * that no other start-up's component scan picks them up
	 */
	public Startups(EmbeddedServer server, Class<?>... sources) {
		this.server = server;
		this.sources = sources;
	}

	/**
	 * Runs the application.
	 * @param type servlet or reactive
	 * @param properties {@code name=value} pairs
	 * @return the running context
	 */
	public ConfigurableApplicationContext run(WebApplicationType type, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", this.server.excludingTheOthers()));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(TestApplication.class).sources(this.sources)
			.web(type)
			.properties(all.toArray(String[]::new))
			.listeners((ApplicationListener<WebServerInitializedEvent>) (event) -> this.reportedPorts.put(
					String.valueOf(event.getApplicationContext().getServerNamespace()).replace("null", ""),
					event.getWebServer().getPort()))
			.run();
	}

	/**
	 * The port a web server reported when it started.
	 * @param namespace {@code ""} for the main server, {@code "management"} for the
	 * management server
	 * @return the port, or {@code null} if that server did not start
	 */
	public @Nullable Integer reportedPort(String namespace) {
		return this.reportedPorts.get(namespace);
	}

	/**
	 * Sends a GET request.
	 * @param client the client
	 * @param uri where to
	 * @return the response body
	 */
	public static String get(HttpClient client, String uri) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
