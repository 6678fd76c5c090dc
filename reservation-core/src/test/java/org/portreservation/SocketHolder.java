package org.portreservation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Another program that holds a port, as a child process given a handed-off port or a
 * server started by someone else does: run in a second JVM, it binds a plain
 * {@code ServerSocketChannel} (listening) or {@code DatagramChannel} to the port of its
 * arguments {@code tcp|udp PORT}, prints {@code bound}, and holds it until a line arrives
 * on stdin.
 */
public final class SocketHolder {

	private SocketHolder() {
	}

	/**
	 * Starts a holder of a port in a second JVM of this user and waits until it holds it.
	 * @param protocol the port's protocol
	 * @param port the port
	 * @return the running holder; closing it ends the process
	 */
	public static JavaProcess hold(Protocol protocol, int port) {
		JavaProcess holder = JavaProcess.start(SocketHolder.class, protocol.label(), Integer.toString(port));
		awaitBound(holder);
		return holder;
	}

	/**
	 * Starts a holder of a port in a second JVM as another user and waits until it holds
	 * it.
	 * @param uid the numeric user and group id, such as 65534 for {@code nobody}
	 * @param protocol the port's protocol
	 * @param port the port
	 * @return the running holder; closing it ends the process
	 */
	public static JavaProcess holdAs(int uid, Protocol protocol, int port) {
		JavaProcess holder = JavaProcess.startAs(uid, SocketHolder.class, protocol.label(), Integer.toString(port));
		awaitBound(holder);
		return holder;
	}

	public static void main(String[] args) throws Exception {
		Protocol protocol = Protocol.valueOf(args[0].toUpperCase());
		InetSocketAddress local = new InetSocketAddress(Integer.parseInt(args[1]));
		try (NetworkChannel channel = (protocol == Protocol.TCP) ? ServerSocketChannel.open().bind(local)
				: DatagramChannel.open().bind(local)) {
			System.out.println("bound");
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
	}

	private static void awaitBound(JavaProcess holder) {
		String line = holder.readLine();
		if (!"bound".equals(line)) {
			holder.close();
			throw new AssertionError("The holder answered '" + line + "': " + holder.errors());
		}
	}

}
