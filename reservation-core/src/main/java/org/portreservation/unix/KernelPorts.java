package org.portreservation.unix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.portreservation.InvalidReservationArgumentException;

/**
 * The kernel's port settings under {@code /proc/sys/net/ipv4}: the ephemeral range and
 * {@code ip_local_reserved_ports}.
 */
final class KernelPorts {

	static final Path PROC_IPV4 = Path.of("/proc/sys/net/ipv4");

	static final Path RESERVED_PORTS = PROC_IPV4.resolve("ip_local_reserved_ports");

	static final Path EPHEMERAL_RANGE = PROC_IPV4.resolve("ip_local_port_range");

	static final Path IPV6_ONLY_BY_DEFAULT = Path.of("/proc/sys/net/ipv6/bindv6only");

	/** Linux's default ephemeral range, used where the kernel does not say. */
	private static final int[] DEFAULT_EPHEMERAL = { 32768, 60999 };

	private KernelPorts() {
	}

	/**
	 * The ephemeral range the kernel picks bind(0) and connect() source ports from.
	 * @return {@code {low, high}}, inclusive
	 */
	static int[] ephemeralRange() {
		try {
			String[] parts = read(EPHEMERAL_RANGE).trim().split("\\s+");
			return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_EPHEMERAL.clone();
		}
	}

	/**
	 * Whether new IPv6 sockets are IPv6-only unless they say otherwise
	 * ({@code net.ipv6.bindv6only}).
	 * @return {@code true} unless the kernel says they are not, so that a caller that
	 * cannot tell sets the option
	 */
	static boolean ipv6OnlyByDefault() {
		try {
			return !"0".equals(read(IPV6_ONLY_BY_DEFAULT).trim());
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	/**
	 * The ports in {@code ip_local_reserved_ports}, empty where the file does not exist.
	 * @return the reserved ports
	 * @throws IOException if the file exists but cannot be read
	 */
	static BitSet reservedPorts() throws IOException {
		try {
			return parse(read(RESERVED_PORTS));
		}
		catch (NoSuchFileException ex) {
			return new BitSet();
		}
	}

	/**
	 * Reads a {@code /proc} file whole: its size reads as 0, so {@code Files.readString}
	 * may stop short.
	 */
	static String read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

	/**
	 * Parses the kernel's list format, such as {@code 8080,40000-40999}.
	 * @param list the list; blank for none
	 * @return the ports
	 */
	static BitSet parse(String list) {
		BitSet ports = new BitSet(65536);
		for (String item : list.trim().split(",")) {
			String entry = item.trim();
			if (entry.isEmpty()) {
				continue;
			}
			int dash = entry.indexOf('-');
			try {
				int low = Integer.parseInt((dash < 0) ? entry : entry.substring(0, dash).trim());
				int high = (dash < 0) ? low : Integer.parseInt(entry.substring(dash + 1).trim());
				if (low < 0 || high > 65535 || low > high) {
					throw new NumberFormatException();
				}
				ports.set(low, high + 1);
			}
			catch (NumberFormatException ex) {
				throw new InvalidReservationArgumentException("'" + entry + "' is not a port or a range of ports "
						+ "such as 8080 or 40000-40999, in the list '" + list.trim() + "'");
			}
		}
		return ports;
	}

	/**
	 * Formats ports in the kernel's list format, ranges merged.
	 * @param ports the ports
	 * @return for example {@code 8080,40000-40999}; empty for none
	 */
	static String format(BitSet ports) {
		List<String> items = new ArrayList<>();
		int low = ports.nextSetBit(0);
		while (low >= 0) {
			int high = ports.nextClearBit(low) - 1;
			items.add((low == high) ? Integer.toString(low) : low + "-" + high);
			low = ports.nextSetBit(high + 1);
		}
		return String.join(",", items);
	}

}
