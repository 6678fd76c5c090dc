package org.portreservation.unix;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.portreservation.PortBlock;
import org.portreservation.Protocol;

/**
 * What keeps other sockets off the ports of a held block: per port, a socket bound to the
 * wildcard address without SO_REUSEADDR or SO_REUSEPORT, so that it cannot be bound over
 * any socket already there, a placeholder of another process included. It sets
 * SO_REUSEPORT only when our own socket is about to bind over it ({@link #allowReuse}),
 * so that until then not even a SO_REUSEPORT socket of the same user can join it.
 * <p>
 * A placeholder is of the family the JDK's channels are: dual-stack IPv6, or IPv4 under
 * {@code -Djava.net.preferIPv4Stack=true} or without IPv6. An IPv4 placeholder has an
 * IPv6-only one beside it where IPv6 exists: without it, another user could bind that
 * side, and on Linux even the whole port: once it has bound and closed an IPv6-only
 * SO_REUSEPORT socket there, the kernel's cache of the port's owner lets its dual-stack
 * SO_REUSEPORT socket bind without looking at ours.
 * <p>
 * Where the C library can be called ({@link NativeSocket}) placeholders are bare
 * descriptors ({@link NativePlaceholders}); elsewhere they are the JDK's channels
 * ({@link ChannelPlaceholders}). Not thread-safe: the reservation calls it under its
 * lock.
 */
abstract sealed class Placeholders permits NativePlaceholders, ChannelPlaceholders {

	private final PortBlock block;

	Placeholders(PortBlock block) {
		this.block = block;
	}

	/** No placeholder yet: native ones where they can be made, else channels. */
	static Placeholders of(PortBlock block) {
		return NativeSocket.unavailableReason().isEmpty() ? new NativePlaceholders(block)
				: new ChannelPlaceholders(block);
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
	 * Binds the placeholder of a port that has none.
	 * @param overTimeWait whether it may bind over closed connections in TIME_WAIT, which
	 * only a cross-process lock keeps a second instance of this library from doing too
	 * @throws BindException if another socket holds the port
	 * @throws IOException if the system fails otherwise
	 */
	final void bind(int port, boolean overTimeWait) throws IOException {
		try {
			bindOnce(port, false);
		}
		catch (BindException ex) {
			if (protocol() != Protocol.TCP || !overTimeWait || TimeWait.only(port).isEmpty()) {
				throw ex;
			}
			// Only closed connections of a SO_REUSEPORT server (every server bound from a
			// block is one) sit there: a socket that sets SO_REUSEPORT before it binds
			// binds over them, while live sockets of other users still conflict
			// (inet_bind_conflict).
			try {
				bindOnce(port, true);
			}
			catch (BindException stillBusy) {
				ex.addSuppressed(stillBusy);
				throw ex;
			}
		}
	}

	/**
	 * Binds a placeholder once, leaving nothing behind if it fails.
	 * @param reusePortFirst whether SO_REUSEPORT is set before binding, which binds over
	 * TIME_WAIT; otherwise it is not set at all
	 */
	abstract void bindOnce(int port, boolean reusePortFirst) throws IOException;

	/**
	 * Lets a socket of this process bind over the placeholder of a port: sets
	 * SO_REUSEPORT on it, which stays set until the placeholder is closed. From then on a
	 * SO_REUSEPORT socket of the same user could join the port too, which is why it is
	 * not set on every port when the block is held.
	 * @throws IOException if the option cannot be set
	 */
	abstract void allowReuse(int port) throws IOException;

	/** Whether the port has its placeholder. */
	abstract boolean holds(int port);

	/** Closes the placeholder of a port, if it has one. */
	abstract void close(int port);

	/**
	 * Makes a UDP placeholder leave the datagrams to the channel that binds over it, so
	 * that it can stay bound; see {@link DatagramSteering}. Call before that channel
	 * binds; where it fails, {@link #steered(int)} stays {@code false}.
	 */
	abstract void steerDatagrams(int port);

	/**
	 * Whether the datagrams of the port go to the channel bound over its placeholder; if
	 * not, a UDP placeholder must be closed once the channel is bound.
	 */
	abstract boolean steered(int port);

	/** Closes every placeholder. */
	final void closeAll() {
		for (int port = this.block.startPort(); port <= this.block.endPort(); port++) {
			close(port);
		}
	}

	final Protocol protocol() {
		return this.block.protocol();
	}

	/** The index of a port of the block, from 0. */
	final int index(int port) {
		return port - this.block.startPort();
	}

}
