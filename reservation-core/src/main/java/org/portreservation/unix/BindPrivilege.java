package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Path;

import com.sun.jna.platform.unix.LibC;

/**
 * Whether binding a port needs a privilege this process lacks: Linux keeps ports below
 * {@code net.ipv4.ip_unprivileged_port_start} for processes with
 * {@code CAP_NET_BIND_SERVICE}. Known from the kernel's settings rather than from the
 * text of a bind failure, which is localized on some systems.
 */
final class BindPrivilege {

	static final Path UNPRIVILEGED_PORT_START = KernelPorts.PROC_IPV4.resolve("ip_unprivileged_port_start");

	/** The traditional limit, where the kernel does not say (macOS, BSD, old Linux). */
	private static final int DEFAULT_UNPRIVILEGED_PORT_START = 1024;

	private static final Path PROCESS_STATUS = Path.of("/proc/self/status");

	/**
	 * Bit of {@code CAP_NET_BIND_SERVICE} in a capability set, from linux/capability.h.
	 */
	private static final int CAP_NET_BIND_SERVICE = 10;

	private BindPrivilege() {
	}

	/**
	 * Whether this process may not bind {@code port}.
	 * @param port a port
	 * @return {@code true} if the port is privileged here and the process lacks the
	 * privilege
	 */
	static boolean lacking(int port) {
		return port < unprivilegedPortStart() && !held();
	}

	/**
	 * The first port any process may bind.
	 * @return {@code net.ipv4.ip_unprivileged_port_start}, or 1024 where the kernel does
	 * not say
	 */
	static int unprivilegedPortStart() {
		try {
			return Integer.parseInt(KernelPorts.read(UNPRIVILEGED_PORT_START).trim());
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_UNPRIVILEGED_PORT_START;
		}
	}

	/**
	 * The lowest port a wildcard search may offer this process, so that it never offers a
	 * port the process may not bind.
	 * @param floor the lowest port the search offers anyway
	 * @return {@code floor}, or {@code net.ipv4.ip_unprivileged_port_start} where that is
	 * higher (as in hardened containers) and the process lacks the privilege
	 */
	static int lowestBindablePort(int floor) {
		int start = unprivilegedPortStart();
		return (start > floor && !held()) ? start : floor;
	}

	/**
	 * Whether the process holds {@code CAP_NET_BIND_SERVICE}, or is root where Linux's
	 * capabilities are unknown.
	 */
	private static boolean held() {
		try {
			for (String line : KernelPorts.read(PROCESS_STATUS).split("\n")) {
				if (line.startsWith("CapEff:")) {
					long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
					return (effective & (1L << CAP_NET_BIND_SERVICE)) != 0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// No /proc: fall back to the user.
		}
		return LibC.INSTANCE.geteuid() == 0;
	}

}
