package org.portreservation.unix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;

import org.jspecify.annotations.Nullable;

import org.portreservation.PortBlock;
import org.portreservation.Protocol;

/**
 * Placeholders that are the JDK's channels, where the C library cannot be called (macOS,
 * other BSDs, Linux on an architecture whose constants are not known): no IPv6 side
 * beside an IPv4 placeholder and no steering of datagrams, as
 * {@link Placeholders#limits()} reports.
 */
final class ChannelPlaceholders extends Placeholders {

	private final @Nullable NetworkChannel[] channels;

	ChannelPlaceholders(PortBlock block) {
		super(block);
		this.channels = new NetworkChannel[block.numberOfPorts()];
	}

	@Override
	void bindOnce(int port, boolean reusePortFirst) throws IOException {
		NetworkChannel channel = (protocol() == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
		try {
			channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
			// Without SO_REUSEPORT (unless over TIME_WAIT) the bind fails on any port
			// already held, even by another instance of this library.
			if (reusePortFirst) {
				channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			}
			channel.bind(new InetSocketAddress(port));
			this.channels[index(port)] = channel;
		}
		catch (IOException | RuntimeException | Error ex) {
			close(channel);
			throw ex;
		}
	}

	@Override
	void allowReuse(int port) throws IOException {
		NetworkChannel channel = this.channels[index(port)];
		if (channel != null) {
			channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
		}
	}

	@Override
	boolean holds(int port) {
		return this.channels[index(port)] != null;
	}

	@Override
	void close(int port) {
		NetworkChannel channel = this.channels[index(port)];
		if (channel != null) {
			close(channel);
			this.channels[index(port)] = null;
		}
	}

	@Override
	void steerDatagrams(int port) {
		// Steering needs the C library: a UDP placeholder is closed while a channel is
		// bound.
	}

	@Override
	boolean steered(int port) {
		return false;
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
