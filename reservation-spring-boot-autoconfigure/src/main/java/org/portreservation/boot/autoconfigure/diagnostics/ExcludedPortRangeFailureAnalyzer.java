package org.portreservation.boot.autoconfigure.diagnostics;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a web server port that Windows refused because it lies in an excluded port
 * range: the JDK reports that refusal (WSAEACCES) as "Address already in use", so Boot's
 * analysis sends users hunting for a process that does not exist. Says which range, whose
 * it is and what to do; steps aside when {@code netsh} is missing, slow or lists no range
 * with the port, and everywhere but on Windows.
 */
class ExcludedPortRangeFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

	private static final boolean WINDOWS = System.getProperty("os.name", "")
		.toLowerCase(Locale.ROOT)
		.startsWith("windows");

	private static final String SHOW = "netsh int ipv4 show excludedportrange protocol=tcp";

	private final Environment environment;

	private final @Nullable Netsh netsh;

	/**
	 * Creates the analyzer that runs {@code netsh} on Windows only; public as the one
	 * constructor {@code SpringFactoriesLoader} picks.
	 * @param environment where the server's port properties are read
	 */
	public ExcludedPortRangeFailureAnalyzer(Environment environment) {
		this(environment, WINDOWS ? Netsh.excludedTcpPortRanges() : null);
	}

	ExcludedPortRangeFailureAnalyzer(Environment environment, @Nullable Netsh netsh) {
		this.environment = environment;
		this.netsh = netsh;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		if (this.netsh == null) {
			return null;
		}
		Optional<ExcludedPortRange> excluded = this.netsh.run()
			.flatMap((listing) -> ExcludedPortRange.parse(listing)
				.stream()
				.filter((range) -> range.contains(cause.getPort()))
				.findFirst());
		if (excluded.isEmpty()) {
			return null;
		}
		ServerPort server = ServerPort.of(cause.getPort(), this.environment);
		ExcludedPortRange range = excluded.get();
		String failed = "The " + server.server() + " failed to start: port " + server.port() + " ("
				+ server.portProperty() + ") lies in the excluded port range " + range;
		String outside = "Set " + server.portProperty() + " to a port outside the excluded ranges (" + SHOW
				+ " lists them)";
		if (range.administered()) {
			return new FailureAnalysis(
					failed + ", which an administrator added ('*' in netsh's list). Windows "
							+ "refuses binds it keeps for an exclusion with WSAEACCES, which Java reports as 'Address "
							+ "already in use', so no process may hold the port at all.",
					"If netstat -ano -p tcp | findstr :" + server.port() + " shows no process listening, " + outside
							+ ", or remove the exclusion as an administrator: "
							+ "netsh int ipv4 delete excludedportrange protocol=tcp startport=" + range.startPort()
							+ " numberofports=" + range.numberOfPorts() + "; otherwise stop that process. "
							+ server.reserveInstead(),
					cause);
		}
		return new FailureAnalysis(failed + ", which Windows' NAT service (WinNAT) reserved for Hyper-V, WSL 2 or "
				+ "Docker; such ranges move at every reboot. Windows refused the bind (WSAEACCES) and Java reported "
				+ "it as 'Address already in use', but no process holds the port.",
				outside + ". " + server.reserveInstead() + " To get port " + server.port()
						+ " back, as an administrator: net stop winnat, then "
						+ "netsh int ipv4 add excludedportrange protocol=tcp startport=" + server.port()
						+ " numberofports=1 (an administered exclusion, which WinNAT leaves to applications), "
						+ "then net start winnat.",
				cause);
	}

	@Override
	public int getOrder() {
		// Before PortHolderFailureAnalyzer and Boot's PortInUseFailureAnalyzer.
		return Ordered.LOWEST_PRECEDENCE - 2;
	}

}
