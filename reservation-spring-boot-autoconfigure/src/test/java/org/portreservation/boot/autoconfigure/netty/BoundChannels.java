package org.portreservation.boot.autoconfigure.netty;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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
	 * The first channel bound, waiting for it: Reactor Netty calls {@code doOnBound} on
	 * the event loop after {@code bindNow()} has returned, so the context can be ready
	 * before the server's channel is recorded.
	 * @return the channel
	 * @throws IllegalStateException if none is bound within 10 seconds
	 */
	Channel first() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.channels.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No server channel was bound within 10 seconds");
			}
			Thread.sleep(10);
		}
		return this.channels.get(0);
	}

}
