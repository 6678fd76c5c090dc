package org.portreservation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one bind probe of the tests: which ports an ordinary Java server binds now (a
 * {@code ServerSocketChannel}, with its default {@code SO_REUSEADDR}, or a
 * {@code DatagramChannel}), in this process or in another JVM. As a main class it prints
 * {@code <port> bound} or {@code <port> refused} for each port of its arguments
 * {@code tcp|udp PORT...}.
 */
public final class BindProbe {

	private BindProbe() {
	}

	public static void main(String[] args) {
		Protocol protocol = Protocol.valueOf(args[0].toUpperCase());
		for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
			int port = Integer.parseInt(arg);
			System.out.println(port + (canBind(protocol, port) ? " bound" : " refused"));
		}
		System.out.flush();
	}

	/**
	 * The ports this process binds now.
	 * @param protocol the ports' protocol
	 * @param ports the ports to try
	 * @return those that could be bound, each closed again at once
	 */
	public static List<Integer> bindable(Protocol protocol, List<Integer> ports) {
		List<Integer> bound = new ArrayList<>();
		for (int port : ports) {
			if (canBind(protocol, port)) {
				bound.add(port);
			}
		}
		return bound;
	}

	/**
	 * The ports a new JVM binds now.
	 * @param protocol the ports' protocol
	 * @param ports the ports to try
	 * @return those the other process could bind
	 */
	public static List<Integer> bindableInAnotherProcess(Protocol protocol, List<Integer> ports) {
		List<String> args = new ArrayList<>(List.of(protocol.label()));
		ports.forEach((port) -> args.add(Integer.toString(port)));
		List<Integer> bound = new ArrayList<>();
		try (JavaProcess probe = JavaProcess.start(BindProbe.class, args.toArray(String[]::new))) {
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

	private static boolean canBind(Protocol protocol, int port) {
		try (NetworkChannel channel = (protocol == Protocol.TCP) ? ServerSocketChannel.open()
				: DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
