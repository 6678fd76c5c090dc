package org.portreservation.boot.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that tries to bind TCP ports the way an ordinary Java server does, to prove what a reservation
 * keeps from other processes. Prints one line per port: {@code <port> bound} or {@code <port> refused}.
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
	public static List<Integer> bindableInAnotherProcess(List<Integer> ports) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				Path.of(PortProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString(),
				PortProbe.class.getName()));
		ports.forEach((port) -> command.add(String.valueOf(port)));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("The probe failed: " + output);
		}
		List<Integer> bound = new ArrayList<>();
		List<String> lines = output.lines().toList();
		if (lines.size() != ports.size()) {
			throw new IllegalStateException("The probe answered " + lines + " for " + ports);
		}
		for (String line : lines) {
			if (line.endsWith(" bound")) {
				bound.add(Integer.parseInt(line.substring(0, line.indexOf(' '))));
			}
		}
		return bound;
	}

}
