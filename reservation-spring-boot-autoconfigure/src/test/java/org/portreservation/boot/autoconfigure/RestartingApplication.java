package org.portreservation.boot.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.testapp.TestApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@link TestApplication} run as a developer runs it, from a main method with DevTools
 * active, in a second JVM: prints {@code started PORT NAME=FIRST-LAST...} (the server's
 * port and every named block) at each start, restarts through DevTools on a
 * {@code restart} line on stdin, and exits on {@code exit} or the end of stdin.
 */
public final class RestartingApplication {

	/**
	 * Set once the stdin reader runs: DevTools runs {@code main} again at each restart.
	 */
	private static final String READER = "portreservation.test.restart-reader";

	private RestartingApplication() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.addListeners((ApplicationListener<WebServerInitializedEvent>) RestartingApplication::started);
		application.run(args);
		if (System.getProperty(READER) == null) {
			System.setProperty(READER, "running");
			new Thread(RestartingApplication::readCommands, "restart-commands").start();
		}
	}

	private static void started(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		List<String> blocks = new ArrayList<>();
		event.getApplicationContext()
			.getBean(PortReservationTemplate.class)
			.getReservations()
			.forEach((name, block) -> blocks.add(name + "=" + block.startPort() + "-" + block.endPort()));
		System.out.println("started " + event.getWebServer().getPort() + " " + String.join(" ", blocks));
		System.out.flush();
	}

	private static void readCommands() {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null && !"exit".equals(line); line = in.readLine()) {
				if ("restart".equals(line)) {
					Restarter.getInstance().restart();
				}
			}
		}
		catch (IOException ex) {
			ex.printStackTrace();
		}
		System.exit(0);
	}

}
