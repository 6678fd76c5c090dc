package org.portreservation.boot.autoconfigure.netty;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.Channel;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Records the server channel of every Reactor Netty server of a start-up, main and
 * management, as it is bound: a source of its own, not a {@code @Configuration}, so that
 * no other start-up picks it up.
 */
class BoundChannels {

	private final List<Channel> channels = new CopyOnWriteArrayList<>();

	@Bean
	NettyServerCustomizer boundChannelRecorder() {
		return (server) -> server.doOnBound((bound) -> this.channels.add(bound.channel()));
	}

	/**
	 * The channels bound so far, in order.
	 * @return the channels
	 */
	List<Channel> channels() {
		return List.copyOf(this.channels);
	}

}
