package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * TCP connections in TIME_WAIT on a port, from {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}, which list every user's entries. A server that closed its
 * connections first leaves them for up to 60 s; they hold the port against a placeholder,
 * which binds without reuse flags.
 */
final class TimeWait {

	private static final Path[] TABLES = { Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6") };

	/** {@code TCP_TIME_WAIT} in include/net/tcp_states.h. */
	private static final String STATE_TIME_WAIT = "06";

	/** The timer field counts clock ticks of {@code USER_HZ}, 100 on every Linux ABI. */
	private static final long MILLIS_PER_TICK = 10;

	private TimeWait() {
	}

	/**
	 * The connections on {@code port} if every entry of the tables for it is in
	 * TIME_WAIT.
	 * @param port a TCP port
	 * @return how many there are and when the last expires; empty if the port has no
	 * entry, any entry in another state, or the tables cannot be read
	 */
	static Optional<Connections> only(int port) {
		String suffix = String.format(":%04X", port);
		int count = 0;
		long longestMillis = 0;
		try {
			for (Path table : TABLES) {
				for (String line : KernelPorts.read(table).split("\n")) {
					// "sl local_address rem_address st tx_queue:rx_queue tr:tm->when ..."
					String[] fields = line.trim().split("\\s+");
					if (fields.length < 6 || !fields[1].endsWith(suffix)) {
						continue;
					}
					if (!STATE_TIME_WAIT.equals(fields[3])) {
						return Optional.empty();
					}
					count++;
					long ticks = Long.parseLong(fields[5].substring(fields[5].indexOf(':') + 1), 16);
					longestMillis = Math.max(longestMillis, ticks * MILLIS_PER_TICK);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
		return (count > 0) ? Optional.of(new Connections(count, Duration.ofMillis(longestMillis))) : Optional.empty();
	}

	/**
	 * Connections in TIME_WAIT on a port.
	 *
	 * @param count how many
	 * @param lastExpiry how long until the last of them expires
	 */
	record Connections(int count, Duration lastExpiry) {

		@Override
		public String toString() {
			return this.count + ((this.count != 1) ? " closed connections" : " closed connection")
					+ " in TIME_WAIT (the last expires in " + Math.max(1, (this.lastExpiry.toMillis() + 999) / 1000)
					+ " s)";
		}

	}

}
