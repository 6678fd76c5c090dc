package org.portreservation.boot.autoconfigure.netty;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.ServerBlockContractTests;
import org.portreservation.boot.autoconfigure.Startups;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server contract for Reactor Netty on its NIO transport, Windows' and that of any
 * system without a native one. Reactor Netty reads {@code reactor.netty.native} once per
 * JVM, so these tests run in a JVM of their own that sets it to {@code false} (the
 * {@code netty-nio} execution of the build).
 */
@Tag("netty-nio")
class NettyNioReactiveServerBlockTests extends ServerBlockContractTests {

	@Override
	protected WebApplicationType type() {
		return WebApplicationType.REACTIVE;
	}

	@Override
	protected EmbeddedServer server() {
		return EmbeddedServer.NETTY;
	}

	@Override
	protected Class<? extends WebServer> serverClass() {
		return NettyWebServer.class;
	}

	@Test
	void serverChannelIsANioChannelBoundThroughTheReservation() throws Exception {
		assertThat(LoopResources.DEFAULT_NATIVE).as("reactor.netty.native").isFalse();
		try (ConfigurableApplicationContext context = new Startups(EmbeddedServer.NETTY, BoundChannels.class).run(
				WebApplicationType.REACTIVE, "portreservation.blocks.web.number-of-ports=3",
				"portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			Channel channel = context.getBean(BoundChannels.class).first();
			assertThat(channel).isInstanceOf(NioServerSocketChannel.class);
			assertThat(channel.getClass().getName())
				.isEqualTo("org.portreservation.boot.netty.ReservedNioServerSocketChannel");
			int port = ((InetSocketAddress) channel.localAddress()).getPort();
			assertThat(web.contains(port)).isTrue();
			assertThat(web.portsInUse()).containsExactly(port);
		}
	}

}
