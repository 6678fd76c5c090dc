package org.portreservation.boot.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.portreservation.JavaProcess;

/**
 * Another process that tries to bind TCP ports the way an ordinary Java server does, to
 * prove what a reservation keeps from other processes. Prints one line per port:
 * {@code <port> bound} or {@code <port> refused}.
 */
public final class PortProbe {

	private PortProbe() {
	}

	public static void main(String[] args) {
		for (String arg : args) {
			int port = Integer.parseInt(arg);
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(port));
				System.out.println(port + " bound");
			}
			catch (IOException ex) {
				System.out.println(port + " refused");
			}
		}
	}

	/**
	 * Runs the probe in a new JVM.
	 * @param ports the ports to try
	 * @return the ports the other process could bind
	 */
	public static List<Integer> bindableInAnotherProcess(List<Integer> ports) {
		List<Integer> bound = new ArrayList<>();
		try (JavaProcess probe = JavaProcess.start(PortProbe.class,
				ports.stream().map(String::valueOf).toArray(String[]::new))) {
			for (int port : ports) {
				String line = probe.readLine();
				if (line.equals(port + " bound")) {
					bound.add(port);
				}
				else if (!line.equals(port + " refused")) {
					throw new IllegalStateException("The probe answered '" + line + "' for port " + port);
				}
			}
			if (probe.waitFor() != 0) {
				throw new IllegalStateException("The probe failed: " + probe.errors());
			}
		}
		return bound;
	}

}
