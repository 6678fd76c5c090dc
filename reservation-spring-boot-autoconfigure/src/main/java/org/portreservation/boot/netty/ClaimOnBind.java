package org.portreservation.boot.netty;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.unix.UnixChannelOption;
import org.portreservation.PortClaim;
import org.portreservation.PortReservation;

/**
 * Binds a native server channel (epoll, io_uring, kqueue) on a port it claims from the
 * block: Netty binds such a channel over its own descriptor, which no other socket can
 * stand in for, so the channel sets {@code SO_REUSEPORT} and binds on top of the block's
 * guard. The claim ends when the channel closes or its bind fails.
 */
final class ClaimOnBind extends ChannelOutboundHandlerAdapter {

	private final PortReservation reservation;

	ClaimOnBind(PortReservation reservation) {
		this.reservation = reservation;
	}

	@Override
	public void bind(ChannelHandlerContext context, SocketAddress localAddress, ChannelPromise promise) {
		InetSocketAddress local = (InetSocketAddress) localAddress;
		PortClaim claim;
		try {
			claim = this.reservation.claim(local.getPort());
		}
		catch (RuntimeException ex) {
			promise.setFailure(ex);
			return;
		}
		try {
			if (!context.channel().config().setOption(UnixChannelOption.SO_REUSEPORT, true)) {
				throw new IllegalStateException("The server channel " + context.channel().getClass().getName()
						+ " has no SO_REUSEPORT option, which binding it on a port of the " + this.reservation
						+ " needs: run the server on Netty's NIO transport instead");
			}
		}
		catch (RuntimeException ex) {
			claim.close();
			promise.setFailure(ex);
			return;
		}
		promise.addListener((bound) -> {
			if (bound.isSuccess()) {
				context.channel().closeFuture().addListener((closed) -> claim.close());
			}
			else {
				claim.close();
			}
		});
		context.bind(new InetSocketAddress(local.getAddress(), claim.port()), promise);
	}

}
