package org.portreservation.unix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.portreservation.JavaProcess;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static java.net.StandardProtocolFamily.INET;

/**
 * Runs in a second JVM and tries every way of taking ports that another process has
 * reserved; prints what it got.
 * <p>
 * Commands: {@code bind tcp|udp FIRST LAST} tries explicit binds with and without
 * SO_REUSEADDR; {@code reuseport tcp|udp FIRST LAST} tries explicit binds with
 * SO_REUSEPORT; {@code autobind tcp|udp FIRST LAST N} makes N bind(0) sockets at once;
 * {@code connect tcp|udp FIRST LAST N} makes N connections without binding first;
 * {@code hammer tcp|udp FIRST LAST MILLIS} repeats the explicit binds for that long after
 * printing {@code started}; each prints {@code taken COUNT} and one {@code got PORT HOW}
 * line per success. {@code acquire N SIZE} acquires N wildcard blocks,
 * {@code acquire-at tcp|udp START SIZE} one explicit block
 * ({@code acquire-at-with-own-locks} the same with a lock directory of its own); they
 * print {@code block FIRST LAST} or {@code refused CLASS MESSAGE} lines, then
 * {@code ready}, and hold until a line arrives on stdin; {@code backend} prints the
 * backend's description; {@code persist START SIZE} tries to create a persistent
 * reservation and prints {@code created} or {@code refused}.
 */
public final class Intruder {

	private Intruder() {
	}

	/**
	 * Runs one of the taking commands in a second JVM.
	 * @param command {@code bind}, {@code reuseport}, {@code autobind} or {@code connect}
	 * @param protocol the protocol
	 * @param range the first and last port, and the count where the command takes one
	 * @return how many attempts got a port of the range
	 */
	static int taken(String command, Protocol protocol, String... range) {
		List<String> args = new ArrayList<>(List.of(command, protocol.label()));
		args.addAll(List.of(range));
		try (JavaProcess intruder = JavaProcess.start(Intruder.class, args.toArray(String[]::new))) {
			int taken = Integer.parseInt(intruder.readLineStartingWith("taken "));
			if (intruder.waitFor() != 0) {
				throw new AssertionError("The intruder failed: " + intruder.errors());
			}
			return taken;
		}
	}

	public static void main(String[] args) throws Exception {
		String command = args[0];
		switch (command) {
			case "acquire" -> acquire(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "backend" -> System.out.println(PortReservations.forCurrentPlatform().backend());
			case "persist" -> persist(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "acquire-at" -> acquireAt(PortReservations.forCurrentPlatform(),
					Protocol.valueOf(args[1].toUpperCase()), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "acquire-at-with-own-locks" ->
				acquireAt(new UnixPortReservations(Files.createTempDirectory("other-locks")),
						Protocol.valueOf(args[1].toUpperCase()), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			default -> {
				Protocol protocol = Protocol.valueOf(args[1].toUpperCase());
				int first = Integer.parseInt(args[2]);
				int last = Integer.parseInt(args[3]);
				List<String> got = switch (command) {
					case "bind" -> explicitBinds(protocol, first, last, false);
					case "reuseport" -> explicitBinds(protocol, first, last, true);
					case "autobind" -> autobinds(protocol, first, last, Integer.parseInt(args[4]));
					case "connect" -> connects(protocol, first, last, Integer.parseInt(args[4]));
					case "hammer" -> hammer(protocol, first, last, Long.parseLong(args[4]));
					default -> throw new IllegalArgumentException(command);
				};
				System.out.println("taken " + got.size());
				got.forEach((line) -> System.out.println("got " + line));
			}
		}
		System.out.flush();
	}

	private static List<String> explicitBinds(Protocol protocol, int first, int last, boolean reusePort)
			throws IOException {
		List<String> got = new ArrayList<>();
		for (int port = first; port <= last; port++) {
			if (protocol == Protocol.TCP) {
				// ServerSocketChannel sets SO_REUSEADDR by default on Unix; SocketChannel
				// does not.
				tryBind(got, port, "server-socket-channel", ServerSocketChannel::open, null, reusePort);
				tryBind(got, port, "socket-channel", SocketChannel::open, false, reusePort);
				tryBind(got, port, "socket-channel+SO_REUSEADDR", SocketChannel::open, true, reusePort);
				tryBind(got, port, "loopback-socket-channel+SO_REUSEADDR", SocketChannel::open, true, reusePort,
						InetAddress.getLoopbackAddress());
				tryBind(got, port, "ipv4-server-socket-channel", () -> ServerSocketChannel.open(INET), null, reusePort);
				tryBind(got, port, "ipv4-socket-channel+SO_REUSEADDR", () -> SocketChannel.open(INET), true, reusePort);
			}
			else {
				tryBind(got, port, "datagram-channel", DatagramChannel::open, false, reusePort);
				tryBind(got, port, "datagram-channel+SO_REUSEADDR", DatagramChannel::open, true, reusePort);
				tryBind(got, port, "loopback-datagram-channel+SO_REUSEADDR", DatagramChannel::open, true, reusePort,
						InetAddress.getLoopbackAddress());
				tryBind(got, port, "ipv4-datagram-channel+SO_REUSEADDR", () -> DatagramChannel.open(INET), true,
						reusePort);
			}
		}
		return got;
	}

	private static void tryBind(List<String> got, int port, String how, Opener opener, Boolean reuseAddress,
			boolean reusePort) throws IOException {
		tryBind(got, port, how, opener, reuseAddress, reusePort, null);
	}

	private static void tryBind(List<String> got, int port, String how, Opener opener, Boolean reuseAddress,
			boolean reusePort, InetAddress address) throws IOException {
		try (NetworkChannel channel = opener.open()) {
			if (reuseAddress != null) {
				channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
			}
			if (reusePort) {
				channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			}
			SocketAddress local = (address != null) ? new InetSocketAddress(address, port)
					: new InetSocketAddress(port);
			if (channel instanceof ServerSocketChannel server) {
				server.bind(local, 0);
			}
			else {
				channel.bind(local);
			}
			got.add(port + " " + how + (reusePort ? "+SO_REUSEPORT" : ""));
		}
		catch (IOException ex) {
			// Refused: what the reservation is for.
		}
	}

	private static List<String> hammer(Protocol protocol, int first, int last, long millis) throws IOException {
		System.out.println("started");
		System.out.flush();
		List<String> got = new ArrayList<>();
		long end = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < end) {
			got.addAll(explicitBinds(protocol, first, last, false));
		}
		return got;
	}

	private static List<String> autobinds(Protocol protocol, int first, int last, int count) throws IOException {
		List<NetworkChannel> open = new ArrayList<>();
		List<String> got = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				NetworkChannel channel = (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
				open.add(channel);
				channel.bind(new InetSocketAddress(0));
				record(got, channel.getLocalAddress(), first, last, "bind(0)");
			}
		}
		finally {
			closeAll(open);
		}
		return got;
	}

	private static List<String> connects(Protocol protocol, int first, int last, int count) throws IOException {
		List<NetworkChannel> open = new ArrayList<>();
		List<String> got = new ArrayList<>();
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), count);
			SocketAddress target = server.getLocalAddress();
			for (int i = 0; i < count; i++) {
				if (protocol == Protocol.TCP) {
					SocketChannel channel = SocketChannel.open(target);
					// Reset on close: thousands of TIME_WAIT ports would crowd later
					// tests out of the range.
					channel.setOption(StandardSocketOptions.SO_LINGER, 0);
					open.add(channel);
					open.add(server.accept());
					record(got, channel.getLocalAddress(), first, last, "connect()");
				}
				else {
					DatagramChannel channel = DatagramChannel.open();
					open.add(channel);
					channel.connect(target);
					record(got, channel.getLocalAddress(), first, last, "connect()");
				}
			}
		}
		finally {
			closeAll(open);
		}
		return got;
	}

	private static void acquire(int blocks, int size) throws IOException {
		PortReservations reservations = PortReservations.forCurrentPlatform();
		List<PortReservation> held = new ArrayList<>();
		for (int i = 0; i < blocks; i++) {
			PortReservation reservation = reservations.acquire(Protocol.TCP, 0, size);
			held.add(reservation);
			System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
		}
		holdUntilTold(held);
	}

	private static void acquireAt(PortReservations reservations, Protocol protocol, int start, int size)
			throws IOException {
		List<PortReservation> held = new ArrayList<>();
		try {
			PortReservation reservation = reservations.acquire(protocol, start, size);
			held.add(reservation);
			System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
		}
		catch (PortReservationException ex) {
			System.out.println("refused " + ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
		holdUntilTold(held);
	}

	private static void persist(int start, int size) {
		try {
			PortReservations.forCurrentPlatform().createPersistent(Protocol.TCP, start, size);
			System.out.println("created");
		}
		catch (PortReservationException ex) {
			System.out.println("refused " + ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
	}

	private static void holdUntilTold(List<PortReservation> held) throws IOException {
		System.out.println("ready");
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in)).readLine();
		held.forEach(PortReservation::close);
	}

	private static void record(List<String> got, SocketAddress local, int first, int last, String how) {
		int port = ((InetSocketAddress) local).getPort();
		if (port >= first && port <= last) {
			got.add(port + " " + how);
		}
	}

	private static void closeAll(List<NetworkChannel> channels) {
		for (NetworkChannel channel : channels) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Best effort; the process exits next.
			}
		}
	}

	private interface Opener {

		NetworkChannel open() throws IOException;

	}

}
