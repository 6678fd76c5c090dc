package org.portreservation.unix;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.portreservation.Protocol;
import org.portreservation.unix.jna.LibC;

/**
 * What keeps other sockets off one port of a held block: a socket bound to the wildcard
 * address without SO_REUSEADDR or SO_REUSEPORT, so that it cannot be bound over any
 * socket already there, a placeholder of another process included; it sets SO_REUSEPORT
 * only once bound, so that our own channels can bind over it.
 * <p>
 * Under {@code -Djava.net.preferIPv4Stack=true} that socket is an IPv4 one, so an
 * IPv6-only socket made natively holds the IPv6 side of the port beside it. Without it,
 * another user could bind that side, and on Linux even the whole port: once it has bound
 * and closed an IPv6-only SO_REUSEPORT socket there, the kernel's cache of the port's
 * owner lets its dual-stack SO_REUSEPORT socket bind without looking at ours.
 */
final class Placeholder {

	private final Protocol protocol;

	private final int port;

	private final NetworkChannel channel;

	/**
	 * Whether the JDK made a dual-stack IPv6 socket, rather than an IPv4 one as under
	 * {@code -Djava.net.preferIPv4Stack=true}.
	 */
	private final boolean dualStack;

	/** The IPv6 side of the port beside an IPv4 {@link #channel}, where there is IPv6. */
	private final @Nullable NativeSocket ipv6Only;

	private boolean steered;

	private Placeholder(Protocol protocol, int port, NetworkChannel channel, boolean dualStack,
			@Nullable NativeSocket ipv6Only) {
		this.protocol = protocol;
		this.port = port;
		this.channel = channel;
		this.dualStack = dualStack;
		this.ipv6Only = ipv6Only;
	}

	/**
	 * What placeholders cannot guarantee on this machine, for
	 * {@link org.portreservation.BackendInfo#limits()}.
	 */
	static List<String> limits() {
		List<String> limits = new ArrayList<>();
		DatagramSteering.unavailableReason()
			.ifPresent((reason) -> limits.add("a UDP port is unguarded while a channel bound from the block is open, "
					+ "on the addresses that channel does not cover, and for up to about " + Reguard.INTERVAL_MILLIS
					+ " ms after it closes, because its datagrams cannot be steered past the placeholder to the "
					+ "channel here: " + reason));
		Optional<String> nativeSockets = NativeSocket.unavailableReason();
		if (Boolean.getBoolean("java.net.preferIPv4Stack") && nativeSockets.isPresent()) {
			limits.add("under -Djava.net.preferIPv4Stack=true placeholders are IPv4 sockets and no IPv6 one can be "
					+ "made beside them here (" + nativeSockets.get() + "), so another process can bind the IPv6 side "
					+ "of a reserved port, and on Linux another user who first binds and closes an IPv6-only "
					+ "SO_REUSEPORT socket there can then bind the whole port dual-stack; without that option "
					+ "placeholders are dual-stack and hold both sides");
		}
		return limits;
	}

	/**
	 * Binds a placeholder.
	 * @param overTimeWait whether it may bind over closed connections in TIME_WAIT, which
	 * only a cross-process lock keeps a second instance of this library from doing too
	 * @throws java.net.BindException if another socket holds the port
	 * @throws IOException if the system fails otherwise
	 */
	static Placeholder bind(Protocol protocol, int port, boolean overTimeWait) throws IOException {
		try {
			return bindOnce(protocol, port, false);
		}
		catch (BindException ex) {
			if (protocol != Protocol.TCP || !overTimeWait || TimeWait.only(port).isEmpty()) {
				throw ex;
			}
			// Only closed connections of a SO_REUSEPORT server (every server bound from a
			// block is one) sit there: a socket that sets SO_REUSEPORT before it binds
			// binds over them, while live sockets of other users still conflict
			// (inet_bind_conflict).
			try {
				return bindOnce(protocol, port, true);
			}
			catch (BindException stillBusy) {
				ex.addSuppressed(stillBusy);
				throw ex;
			}
		}
	}

	private static Placeholder bindOnce(Protocol protocol, int port, boolean reusePortFirst) throws IOException {
		NetworkChannel channel = (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
		try {
			channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
			// Without SO_REUSEPORT (unless over TIME_WAIT) the bind fails on any port
			// already held, even by another instance of this library; set afterwards, so
			// our own channels can bind on top of it.
			if (reusePortFirst) {
				channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			}
			channel.bind(new InetSocketAddress(port));
			channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			boolean dualStack = ((InetSocketAddress) channel.getLocalAddress()).getAddress() instanceof Inet6Address;
			return new Placeholder(protocol, port, channel, dualStack, dualStack ? null : bindIpv6Only(protocol, port));
		}
		catch (IOException | RuntimeException | Error ex) {
			close(channel);
			throw ex;
		}
	}

	/**
	 * Binds the IPv6 side of a port without SO_REUSEPORT, as nothing of ours binds over
	 * it.
	 * @return the socket, or {@code null} where native sockets or IPv6 are unavailable
	 */
	private static @Nullable NativeSocket bindIpv6Only(Protocol protocol, int port) throws IOException {
		if (!NativeSocket.ipv6Available()) {
			return null;
		}
		NativeSocket socket = NativeSocket.open(true, protocol);
		try {
			socket.setOption(LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, 1);
			socket.bindWildcard(true, port);
			return socket;
		}
		catch (IOException | RuntimeException | Error ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Makes a UDP placeholder leave the datagrams to the channel that binds over it, so
	 * that it can stay bound; see {@link DatagramSteering}. Call before that channel
	 * binds; where it fails, {@link #steered()} stays {@code false}.
	 */
	void steerDatagrams() {
		if (!this.steered && this.protocol == Protocol.UDP) {
			this.steered = DatagramSteering.steer(this.dualStack, this.port);
		}
	}

	/**
	 * Whether the datagrams of the port go to the channel bound over this placeholder; if
	 * not, a UDP placeholder must be closed once the channel is bound.
	 */
	boolean steered() {
		return this.steered;
	}

	void close() {
		close(this.channel);
		if (this.ipv6Only != null) {
			this.ipv6Only.close();
		}
	}

	private static void close(NetworkChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// The descriptor is released even when close reports an error.
		}
	}

}
