package org.portreservation.boot.tomcat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.apache.tomcat.util.compat.JrePlatform;
import org.apache.tomcat.util.net.NioEndpoint;
import org.jspecify.annotations.Nullable;
import org.portreservation.PortReservation;

/**
 * A NIO endpoint whose server channel is bound from a {@link PortReservation}, so the
 * port goes straight from the block's guard to the listening socket. It owns its channel;
 * the four methods that touch the channel of {@link NioEndpoint} are replaced, everything
 * else (SSL, pollers, graceful shutdown) is Tomcat's.
 */
final class ReservedNioEndpoint extends NioEndpoint {

	private volatile @Nullable PortReservation reservation;

	private volatile @Nullable ServerSocketChannel serverSocket;

	private @Nullable SocketAddress previousAcceptedRemoteAddress;

	private long previousAcceptedNanoTime;

	void setReservation(PortReservation reservation) {
		this.reservation = reservation;
	}

	@Nullable PortReservation getReservation() {
		return this.reservation;
	}

	@Override
	protected void initServerSocket() throws Exception {
		PortReservation reservation = this.reservation;
		if (reservation == null) {
			throw new IllegalStateException("No port reservation was handed to this connector: "
					+ ReservedHttp11NioProtocol.class.getName() + " binds only from a block, which the "
					+ "portreservation auto-configuration hands over when server.block is set");
		}
		if (getUseInheritedChannel() || getUnixDomainSocketPath() != null) {
			throw new IllegalStateException("A connector bound from a port reservation cannot also use an inherited "
					+ "channel or a Unix domain socket");
		}
		ServerSocketChannel channel = ServerSocketChannel.open();
		try {
			this.socketProperties.setProperties(channel.socket());
			reservation.bind(channel, new InetSocketAddress(getAddress(), getPortWithOffset()), getAcceptCount());
			channel.configureBlocking(true);
		}
		catch (Exception ex) {
			channel.close();
			throw ex;
		}
		this.serverSocket = channel;
	}

	@Override
	protected @Nullable NetworkChannel getServerSocket() {
		return this.serverSocket;
	}

	@Override
	protected SocketChannel serverSocketAccept() throws Exception {
		SocketChannel result = this.serverSocket.accept();
		// Tomcat's guard against Linux kernels before 5.10 that could return one
		// connection twice.
		if (!JrePlatform.IS_WINDOWS) {
			SocketAddress remoteAddress = result.getRemoteAddress();
			long now = System.nanoTime();
			if (remoteAddress.equals(this.previousAcceptedRemoteAddress)
					&& now - this.previousAcceptedNanoTime < 1000) {
				throw new IOException(sm.getString("endpoint.err.duplicateAccept"));
			}
			this.previousAcceptedRemoteAddress = remoteAddress;
			this.previousAcceptedNanoTime = now;
		}
		return result;
	}

	@Override
	protected void doCloseServerSocket() throws IOException {
		ServerSocketChannel channel = this.serverSocket;
		this.serverSocket = null;
		if (channel != null) {
			// Closing the channel is what returns its port to the block.
			channel.close();
		}
	}

}
