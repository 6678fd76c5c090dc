package org.portreservation.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ports the kernel picks for bind(0) and outgoing connections: Linux's
 * {@code net.ipv4.ip_local_port_range}, elsewhere IANA's dynamic ports, the default of
 * Windows and macOS.
 */
final class EphemeralPorts {

	private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final int[] DYNAMIC_PORTS = { 49152, 65535 };

	private EphemeralPorts() {
	}

	/**
	 * The range, {@code {low, high}} inclusive.
	 */
	static int[] range() {
		// A /proc file reports size 0, so it is read as a stream to its end.
		try (InputStream in = Files.newInputStream(LINUX_RANGE)) {
			String[] parts = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
			return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
		}
		catch (IOException | RuntimeException ex) {
			return DYNAMIC_PORTS.clone();
		}
	}

}
