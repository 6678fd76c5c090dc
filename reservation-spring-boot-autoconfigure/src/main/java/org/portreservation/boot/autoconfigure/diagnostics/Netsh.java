package org.portreservation.boot.autoconfigure.diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@code netsh}, the one documented way to list Windows' excluded port ranges, with
 * a bounded wait: a failure analysis must never hang or fail because of it.
 */
final class Netsh {

	private static final List<String> SHOW_EXCLUDED_TCP_RANGES = List.of("netsh", "interface", "ipv4", "show",
			"excludedportrange", "protocol=tcp");

	private final List<String> command;

	private final Duration timeout;

	Netsh(List<String> command, Duration timeout) {
		this.command = List.copyOf(command);
		this.timeout = timeout;
	}

	/** Lists the excluded TCP port ranges; no elevation is needed. */
	static Netsh excludedTcpPortRanges() {
		return new Netsh(SHOW_EXCLUDED_TCP_RANGES, Duration.ofSeconds(5));
	}

	/**
	 * Runs the command.
	 * @return what it printed, or empty when it is missing, fails or does not end in time
	 */
	Optional<String> run() {
		@Nullable Path output = null;
		try {
			output = Files.createTempFile("portreservation-netsh", ".txt");
			// A file, not a pipe: the command can never block on a full pipe buffer.
			Process process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				return Optional.empty();
			}
			// The digits are ASCII in every console code page; the headers do not matter.
			return (process.exitValue() != 0) ? Optional.empty()
					: Optional.of(Files.readString(output, StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		finally {
			deleteQuietly(output);
		}
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// A temporary file left behind is harmless.
			}
		}
	}

	@Override
	public String toString() {
		return String.join(" ", this.command);
	}

}
