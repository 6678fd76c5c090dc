package org.portreservation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.portreservation.unix.PortOwners;

/**
 * A process that holds a port, so that an error or a report can name whom to ask or stop.
 * <p>
 * Known on Linux, through {@code /proc}, for the processes this one may see (all of them
 * for root, its own user's otherwise); never known elsewhere.
 *
 * @param pid the process id
 * @param command the process's command name, such as {@code java}
 * @since 0.1.0
 */
public record PortHolder(long pid, String command) {

	private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

	/**
	 * The process holding a socket bound to a port, if the operating system tells.
	 * @param protocol the port's protocol
	 * @param port the port, 1 to 65535
	 * @return the holder, or empty when no socket holds the port, the holder is not
	 * visible to this process, or this is not Linux
	 * @throws InvalidReservationArgumentException if the protocol is null or the port is
	 * out of range
	 */
	public static Optional<PortHolder> of(Protocol protocol, int port) {
		if (protocol == null) {
			throw new InvalidReservationArgumentException("protocol must be TCP or UDP, was null");
		}
		if (port < 1 || port > BlockArguments.MAX_PORT) {
			throw new InvalidReservationArgumentException(
					"port must be between 1 and " + BlockArguments.MAX_PORT + ", was " + port);
		}
		return LINUX ? PortOwners.holderOf(protocol, port) : Optional.empty();
	}

	/**
	 * The holder's whole command line, when this process may read it. (The JDK's
	 * {@code ProcessHandle.Info} cuts it at 4096 bytes, which a Java class path exceeds.)
	 * @return the arguments joined by spaces, empty if the process has exited or is not
	 * visible, or this is not Linux
	 */
	public Optional<String> commandLine() {
		try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(this.pid), "cmdline"))) {
			String commandLine = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace('\0', ' ').strip();
			return commandLine.isEmpty() ? Optional.empty() : Optional.of(commandLine);
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return "process " + this.pid + " (" + this.command + ")";
	}

}
