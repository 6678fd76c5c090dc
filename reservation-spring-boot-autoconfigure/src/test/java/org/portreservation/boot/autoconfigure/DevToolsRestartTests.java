package org.portreservation.boot.autoconfigure;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portreservation.BindProbe;
import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real DevTools restarts of an application started from its main method in a second JVM:
 * the blocks are kept across restarts, so a wildcard block's server port stays the same,
 * and a block whose configuration changed is released and acquired in its new form.
 */
class DevToolsRestartTests {

	@TempDir
	Path config;

	@Test
	void aWildcardServerBlockKeepsItsPortAcrossRestarts() throws Exception {
		configure("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web");
		try (JavaProcess application = start()) {
			Started first = Started.from(application);
			HttpClient client = HttpClient.newHttpClient();
			for (int restart = 1; restart <= 3; restart++) {
				application.send("restart");
				assertThat(Started.from(application)).as("start %d", restart + 1).isEqualTo(first);
				assertThat(Startups.get(client, "http://localhost:" + first.port() + "/hello")).isEqualTo("hello");
			}
		}
	}

	@Test
	void aBlockWhoseConfigurationChangedIsReleasedAndAcquiredInItsNewForm() throws Exception {
		configure("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web",
				"portreservation.blocks.echo.protocol=udp", "portreservation.blocks.echo.number-of-ports=2",
				"portreservation.blocks.spare.number-of-ports=2");
		try (JavaProcess application = start()) {
			Started first = Started.from(application);
			configure("portreservation.blocks.web.number-of-ports=1", "portreservation.server.block=web",
					"portreservation.blocks.echo.protocol=udp", "portreservation.blocks.echo.number-of-ports=3");
			application.send("restart");
			Started second = Started.from(application);
			assertThat(second.port()).isEqualTo(first.port());
			assertThat(second.block("web")).isEqualTo(first.block("web"));
			assertThat(second.blocks()).hasSize(2);
			assertThat(second.block("echo")).isNotEqualTo(first.block("echo"));
			assertThat(second.ports("echo")).hasSize(3);
			assertThat(BindProbe.bindable(Protocol.UDP, first.ports("echo"))).containsExactlyInAnyOrderElementsOf(
					first.ports("echo").stream().filter((port) -> !second.ports("echo").contains(port)).toList());
			assertThat(BindProbe.bindable(Protocol.TCP, first.ports("spare")))
				.containsExactlyElementsOf(first.ports("spare"));
		}
	}

	private JavaProcess start() {
		return JavaProcess.start(RestartingApplication.class, "--spring.main.banner-mode=off",
				"--spring.devtools.livereload.enabled=false",
				"--spring.devtools.restart.log-condition-evaluation-delta=false",
				"--spring.config.additional-location=optional:file:" + this.config + "/");
	}

	private void configure(String... properties) throws Exception {
		Files.writeString(this.config.resolve("application.properties"), String.join("\n", properties) + "\n");
	}

	/** What the application printed when it started: its port and its blocks. */
	record Started(int port, List<String> blocks) {

		static Started from(JavaProcess application) {
			String[] fields = application.readLineStartingWith("started ").split(" ");
			return new Started(Integer.parseInt(fields[0]), Arrays.asList(fields).subList(1, fields.length));
		}

		String block(String name) {
			return this.blocks.stream()
				.filter((block) -> block.startsWith(name + "="))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No block '" + name + "' in " + this.blocks));
		}

		List<Integer> ports(String name) {
			String[] range = block(name).substring(name.length() + 1).split("-");
			List<Integer> ports = new ArrayList<>();
			for (int port = Integer.parseInt(range[0]); port <= Integer.parseInt(range[1]); port++) {
				ports.add(port);
			}
			return ports;
		}

	}

}
