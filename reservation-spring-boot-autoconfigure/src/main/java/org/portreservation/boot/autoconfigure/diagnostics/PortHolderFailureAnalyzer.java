package org.portreservation.boot.autoconfigure.diagnostics;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.portreservation.PortHolder;
import org.portreservation.Protocol;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Names the process holding a port that a web server could not bind, which Boot's own
 * analysis leaves the user to hunt for, and says how a block would keep the port this
 * application's. Runs before Boot's {@code PortInUseFailureAnalyzer} and steps aside for
 * it when the holder is not known (no {@code /proc}, or another user's process seen by an
 * unprivileged one).
 */
class PortHolderFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

	private static final int LONGEST_ARGUMENT = 60;

	private final Environment environment;

	PortHolderFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		ServerPort server = ServerPort.of(cause.getPort(), this.environment);
		String failed = "The " + server.server() + " failed to start: port " + server.port() + " ("
				+ server.portProperty() + ")";
		// By the time of the analysis the failed context has released its blocks, so
		// /proc no longer shows this application's own block holding the port.
		List<String> ownBlocks = server.blocksContainingThePort(this.environment);
		if (!ownBlocks.isEmpty()) {
			return new FailureAnalysis(
					failed + " is held by this application's own block '" + ownBlocks.get(0) + "', which the "
							+ server.server() + " does not bind from.",
					"Set " + server.blockProperty() + "=" + ownBlocks.get(0) + " so that the " + server.server()
							+ " binds its port from the block, or set " + server.portProperty()
							+ " to a port outside the block.",
					cause);
		}
		Optional<PortHolder> holder = PortHolder.of(Protocol.TCP, cause.getPort())
			.filter((found) -> found.pid() != ProcessHandle.current().pid());
		if (holder.isEmpty()) {
			return null;
		}
		return new FailureAnalysis(failed + " is already in use by " + holder.get()
				+ holder.get().commandLine().map((commandLine) -> ", started as: " + abbreviate(commandLine)).orElse("")
				+ ".",
				"Stop process " + holder.get().pid() + ", or set " + server.portProperty() + " to another port. "
						+ server.reserveInstead(),
				cause);
	}

	/** Shortens arguments such as a class path, so that the main class or jar shows. */
	private static String abbreviate(String commandLine) {
		return Stream.of(commandLine.split(" "))
			.map((argument) -> (argument.length() > LONGEST_ARGUMENT)
					? argument.substring(0, LONGEST_ARGUMENT - 3) + "..." : argument)
			.collect(Collectors.joining(" "));
	}

	@Override
	public int getOrder() {
		// Boot's PortInUseFailureAnalyzer is unordered, that is of the lowest precedence.
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
