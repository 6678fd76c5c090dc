package org.portreservation.boot.netty;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.portreservation.PortReservation;

/**
 * Netty's NIO server channel bound through {@link PortReservation#bind}, so its JDK
 * channel goes straight from the block's guard to listening, on Windows as on Unix.
 */
final class ReservedNioServerSocketChannel extends NioServerSocketChannel {

	private final PortReservation reservation;

	ReservedNioServerSocketChannel(PortReservation reservation) {
		this.reservation = reservation;
	}

	@Override
	protected void doBind(SocketAddress localAddress) throws Exception {
		this.reservation.bind(javaChannel(), (InetSocketAddress) localAddress, config().getBacklog());
	}

}
