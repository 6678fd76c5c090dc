package org.portreservation.boot.autoconfigure.diagnostics;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExcludedPortRangeFailureAnalyzer}, with a stand-in for {@code netsh}:
 * a real process that prints a recorded listing, fails, hangs or does not exist.
 */
class ExcludedPortRangeFailureAnalyzerTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void aPortInAWinNatRangeSaysWhichRangeWhoseAndWhatToDo() throws Exception {
		this.environment.setProperty("server.port", "49700");
		FailureAnalysis analysis = analyze(netshPrinting("netsh-en.txt"), 49700);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("The web server failed to start: port 49700 (server.port) "
				+ "lies in the excluded port range 49673-49772, which Windows' NAT service (WinNAT) reserved for "
				+ "Hyper-V, WSL 2 or Docker; such ranges move at every reboot. Windows refused the bind (WSAEACCES) "
				+ "and Java reported it as 'Address already in use', but no process holds the port.");
		assertThat(analysis.getAction()).startsWith("Set server.port to a port outside the excluded ranges "
				+ "(netsh int ipv4 show excludedportrange protocol=tcp lists them). To have a port no other process "
				+ "can take, reserve it and bind the web server from the block: leave server.port unset (or 0) and "
				+ "set portreservation.server.block to the name of a tcp block")
			.endsWith("To get port 49700 back, as an administrator: net stop winnat, then netsh int ipv4 add "
					+ "excludedportrange protocol=tcp startport=49700 numberofports=1 (an administered exclusion, "
					+ "which WinNAT leaves to applications), then net start winnat.");
	}

	@Test
	void aPortInAnAdministeredRangeSaysHowToRemoveTheExclusion() throws Exception {
		this.environment.setProperty("server.port", "0");
		this.environment.setProperty("management.server.port", "50001");
		FailureAnalysis analysis = analyze(netshPrinting("netsh-es-cp850.txt"), 50001);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("The management server failed to start: port 50001 "
				+ "(management.server.port) lies in the excluded port range 50000-50059, which an administrator "
				+ "added ('*' in netsh's list).");
		assertThat(analysis.getAction()).contains("If netstat -ano -p tcp | findstr :50001 shows no process listening")
			.contains("netsh int ipv4 delete excludedportrange protocol=tcp startport=50000 numberofports=60")
			.contains("portreservation.management.block");
	}

	@Test
	void aPortOutsideEveryRangeIsLeftToTheOtherAnalyzers() throws Exception {
		assertThat(analyze(netshPrinting("netsh-en.txt"), 8080)).isNull();
	}

	@Test
	void stepsAsideWhenNetshListsNothing() throws Exception {
		assertThat(analyze(netshPrinting("netsh-none.txt"), 49700)).isNull();
		assertThat(analyze(new Netsh(List.of("true"), Duration.ofSeconds(5)), 49700)).isNull();
	}

	@Test
	void stepsAsideWhenNetshIsMissingOrFails() {
		assertThat(analyze(new Netsh(List.of("/nonexistent/netsh"), Duration.ofSeconds(5)), 49700)).isNull();
		assertThat(analyze(new Netsh(List.of("sh", "-c", "echo ' 49673 49772'; exit 1"), Duration.ofSeconds(5)), 49700))
			.isNull();
	}

	@Test
	void stepsAsideWithinItsWaitWhenNetshHangsAndLeavesNoProcessBehind() {
		String sleep = "sleep 30." + ThreadLocalRandom.current().nextInt(100000, 1000000);
		long started = System.nanoTime();
		assertThat(
				analyze(new Netsh(List.of("sh", "-c", sleep + "; echo ' 49673 49772'"), Duration.ofMillis(500)), 49700))
			.isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		// The kill is asynchronous; without it the sleep would live for 30 s.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> ProcessHandle.allProcesses()
				.noneMatch((process) -> process.info().commandLine().orElse("").endsWith(sleep)));
	}

	@Test
	void everywhereButOnWindowsItNeverRunsNetsh() {
		assertThat(new ExcludedPortRangeFailureAnalyzer(this.environment).analyze(new PortInUseException(49700)))
			.isNull();
	}

	@Test
	void runsBeforeTheHolderAnalyzerAndBootsPortInUseAnalyzer() {
		List<String> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, this.environment),
					// Analyzers that do not load in this test's class path are not ours.
					FailureHandler.handleMessage((message, failure) -> {
					}))
			.stream()
			.map((analyzer) -> analyzer.getClass().getSimpleName())
			.toList();
		assertThat(analyzers).containsSubsequence("ExcludedPortRangeFailureAnalyzer", "PortHolderFailureAnalyzer",
				"PortInUseFailureAnalyzer");
	}

	private FailureAnalysis analyze(Netsh netsh, int port) {
		return new ExcludedPortRangeFailureAnalyzer(this.environment, netsh).analyze(new PortInUseException(port));
	}

	private static Netsh netshPrinting(String listing) throws URISyntaxException {
		Path file = Path.of(ExcludedPortRangeTests.class.getResource(listing).toURI());
		return new Netsh(List.of("cat", file.toString()), Duration.ofSeconds(5));
	}

}
