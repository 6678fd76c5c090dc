package org.portreservation.boot.autoconfigure.netty;

import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that lets the embedded Reactor Netty server, main or management,
 * bind from a block.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ HttpServer.class, NettyReactiveWebServerFactory.class })
public final class NettyPortReservationAutoConfiguration {

	@Bean
	NettyServerHandOff portReservationNettyServerHandOff(ObjectProvider<ReactorResourceFactory> resourceFactory) {
		return new NettyServerHandOff(resourceFactory);
	}

}
