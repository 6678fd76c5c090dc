package org.portreservation.windows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

/**
 * Binds every port of a range in each way a Java program can without this library, and
 * tells which binds got a port: in this process, in a second JVM of this user, or (on
 * Linux) in a JVM of another user. Run as a main class with {@code tcp|udp FIRST LAST} it
 * prints {@code got PORT HOW} per success, then {@code taken COUNT}.
 */
public final class WindowsIntruder {

	private WindowsIntruder() {
	}

	/**
	 * The binds this process gets.
	 * @param protocol the ports' protocol
	 * @param first the first port
	 * @param last the last port
	 * @return {@code PORT HOW} for each bind that got its port, each closed again at once
	 */
	static List<String> bindHere(Protocol protocol, int first, int last) {
		List<String> got = new ArrayList<>();
		for (int port = first; port <= last; port++) {
			for (Map.Entry<String, Opener> way : ways(protocol).entrySet()) {
				try (NetworkChannel channel = way.getValue().open(port)) {
					got.add(port + " " + way.getKey());
				}
				catch (IOException ex) {
					// Refused: what a reserved port should do.
				}
			}
		}
		return got;
	}

	/**
	 * The binds a second JVM of this user gets.
	 * @param protocol the ports' protocol
	 * @param first the first port
	 * @param last the last port
	 * @return {@code PORT HOW} for each bind that got its port
	 */
	static List<String> bindInAnotherJvm(Protocol protocol, int first, int last) {
		return read(JavaProcess.start(WindowsIntruder.class, protocol.label(), Integer.toString(first),
				Integer.toString(last)));
	}

	/**
	 * The binds a JVM of another user gets, started through {@code setpriv}: Linux only.
	 * @param uid the other user's id, such as 65534 for {@code nobody}
	 * @param protocol the ports' protocol
	 * @param first the first port
	 * @param last the last port
	 * @return {@code PORT HOW} for each bind that got its port
	 */
	static List<String> bindAsAnotherUser(int uid, Protocol protocol, int first, int last) {
		return read(JavaProcess.startAs(uid, WindowsIntruder.class, protocol.label(), Integer.toString(first),
				Integer.toString(last)));
	}

	/**
	 * How many binds are tried per port.
	 * @param protocol the ports' protocol
	 * @return the number of ways
	 */
	static int waysPerPort(Protocol protocol) {
		return ways(protocol).size();
	}

	public static void main(String[] args) {
		Protocol protocol = Protocol.valueOf(args[0].toUpperCase());
		List<String> got = bindHere(protocol, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
		got.forEach((bind) -> System.out.println("got " + bind));
		System.out.println("taken " + got.size());
		System.out.flush();
	}

	private static List<String> read(JavaProcess intruder) {
		try (intruder) {
			List<String> got = new ArrayList<>();
			for (String line = intruder.readLine(); !line.startsWith("taken "); line = intruder.readLine()) {
				got.add(line.substring("got ".length()));
			}
			if (intruder.waitFor() != 0) {
				throw new AssertionError("The intruder failed: " + intruder.errors());
			}
			return got;
		}
	}

	/**
	 * Default options, SO_REUSEADDR (which on Windows lets a socket bind over one that is
	 * not exclusive), IPv4 only, and loopback only.
	 */
	private static Map<String, Opener> ways(Protocol protocol) {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		Map<String, Opener> ways = new LinkedHashMap<>();
		if (protocol == Protocol.TCP) {
			ways.put("ServerSocketChannel", (port) -> bound(ServerSocketChannel.open(), port));
			ways.put("ServerSocketChannel+SO_REUSEADDR",
					(port) -> bound(ServerSocketChannel.open().setOption(StandardSocketOptions.SO_REUSEADDR, true),
							port));
			ways.put("ServerSocketChannel(INET)",
					(port) -> bound(ServerSocketChannel.open(StandardProtocolFamily.INET), port));
			ways.put("ServerSocketChannel@loopback",
					(port) -> bound(ServerSocketChannel.open(), new InetSocketAddress(loopback, port)));
			ways.put("SocketChannel", (port) -> bound(SocketChannel.open(), port));
		}
		else {
			ways.put("DatagramChannel", (port) -> bound(DatagramChannel.open(), port));
			ways.put("DatagramChannel+SO_REUSEADDR",
					(port) -> bound(DatagramChannel.open().setOption(StandardSocketOptions.SO_REUSEADDR, true), port));
			ways.put("DatagramChannel(INET)", (port) -> bound(DatagramChannel.open(StandardProtocolFamily.INET), port));
			ways.put("DatagramChannel@loopback",
					(port) -> bound(DatagramChannel.open(), new InetSocketAddress(loopback, port)));
		}
		return ways;
	}

	private static NetworkChannel bound(NetworkChannel channel, int port) throws IOException {
		return bound(channel, new InetSocketAddress(port));
	}

	private static NetworkChannel bound(NetworkChannel channel, InetSocketAddress address) throws IOException {
		try {
			return channel.bind(address);
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	/** Opens a channel bound to a port. */
	@FunctionalInterface
	private interface Opener {

		NetworkChannel open(int port) throws IOException;

	}

}
