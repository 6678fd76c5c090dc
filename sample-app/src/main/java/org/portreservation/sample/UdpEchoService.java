package org.portreservation.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends every datagram back to its sender, on a port of the block {@code echo}.
 */
@Component
public class UdpEchoService implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(UdpEchoService.class);

	private static final int MAX_DATAGRAM = 65507;

	private final PortReservationTemplate template;

	private volatile @Nullable DatagramChannel channel;

	public UdpEchoService(PortReservationTemplate template) {
		this.template = template;
	}

	@Override
	public void start() {
		this.channel = this.template.openDatagramChannel("echo");
		Thread thread = new Thread(this::echo, "udp-echo");
		thread.setDaemon(true);
		thread.start();
		logger.info("UDP echo service listening on port " + getPort());
	}

	@Override
	public void stop() {
		DatagramChannel channel = this.channel;
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		}
		catch (IOException ex) {
			logger.warn("Could not close the UDP echo channel: " + ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		DatagramChannel channel = this.channel;
		return channel != null && channel.isOpen();
	}

	/**
	 * The port the service listens on.
	 * @return a port of the block {@code echo}
	 */
	public int getPort() {
		try {
			return ((InetSocketAddress) started().getLocalAddress()).getPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The UDP echo channel is closed", ex);
		}
	}

	private DatagramChannel started() {
		DatagramChannel channel = this.channel;
		if (channel == null) {
			throw new IllegalStateException("The UDP echo service has not started");
		}
		return channel;
	}

	private void echo() {
		DatagramChannel channel = started();
		ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
		while (true) {
			try {
				buffer.clear();
				SocketAddress sender = channel.receive(buffer);
				buffer.flip();
				channel.send(buffer, sender);
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException ex) {
				logger.warn("Could not echo a datagram: " + ex.getMessage());
			}
		}
	}

}
