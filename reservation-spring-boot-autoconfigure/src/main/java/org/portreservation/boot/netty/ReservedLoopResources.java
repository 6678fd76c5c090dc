package org.portreservation.boot.netty;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import reactor.netty.resources.LoopResources;

/**
 * Reactor Netty {@link LoopResources} whose TCP server channels bind from a
 * {@link PortReservation}, for Spring Boot and plain Reactor Netty alike:
 * {@code HttpServer.create().port(0).runOn(new ReservedLoopResources(HttpResources.get(), reservation))}
 * binds any free port of the block, a port of the block other than 0 exactly that port.
 * <p>
 * It runs on the loops it decorates, which stay untouched for everyone else, such as a
 * {@code WebClient} on the global {@code HttpResources}, and disposing it leaves them to
 * their owner. Reactor Netty creates every server channel here and binds it itself, so
 * each channel is made to bind from the block: a NIO channel (Windows, or any system
 * without a native transport) through {@link PortReservation#bind}, a native epoll,
 * io_uring or kqueue channel, which Netty binds over its own descriptor, on a
 * {@linkplain PortReservation#claim claimed} port with {@code SO_REUSEPORT}, on top of
 * the block's guard. Closing the channel, or a failed bind, returns the port to the
 * block. Only TCP server channels bind from a block: HTTP/3, UDP and Unix domain socket
 * servers, and clients, need other loops.
 *
 * @since 0.1.0
 */
public final class ReservedLoopResources implements LoopResources {

	private final LoopResources loops;

	private final PortReservation reservation;

	/**
	 * Creates loop resources whose server channels bind from the block.
	 * @param loops the loops to run on
	 * @param reservation a TCP block
	 * @throws IllegalArgumentException if the block is not a TCP block
	 */
	public ReservedLoopResources(LoopResources loops, PortReservation reservation) {
		if (reservation.protocol() != Protocol.TCP) {
			throw new IllegalArgumentException("A Reactor Netty server listens on tcp, but the " + reservation
					+ " is a udp block: bind the server from a tcp block");
		}
		this.loops = loops;
		this.reservation = reservation;
	}

	@Override
	public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup group) {
		if (!ServerSocketChannel.class.equals(channelType)) {
			throw new IllegalArgumentException("Only TCP server channels bind from the " + this.reservation + ", not a "
					+ channelType.getSimpleName()
					+ ": run HTTP/3, UDP and Unix domain socket servers, and clients, on other LoopResources");
		}
		if (NioServerSocketChannel.class.isAssignableFrom(this.loops.onChannelClass(channelType, group))) {
			return channelType.cast(new ReservedNioServerSocketChannel(this.reservation));
		}
		C channel = this.loops.onChannel(channelType, group);
		channel.pipeline().addFirst(new ClaimOnBind(this.reservation));
		return channel;
	}

	@Override
	public EventLoopGroup onServer(boolean useNative) {
		return this.loops.onServer(useNative);
	}

	@Override
	public EventLoopGroup onServerSelect(boolean useNative) {
		return this.loops.onServerSelect(useNative);
	}

	@Override
	public EventLoopGroup onClient(boolean useNative) {
		return this.loops.onClient(useNative);
	}

	@Override
	public boolean daemon() {
		return this.loops.daemon();
	}

	@Override
	public String toString() {
		return this.loops + " binding servers from the " + this.reservation;
	}

}
