package org.portreservation.boot.autoconfigure.netty;

import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.portreservation.BindProbe;
import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.Ports;
import org.portreservation.boot.autoconfigure.ServerBlockContractTests;
import org.portreservation.boot.autoconfigure.Startups;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server contract for Reactor Netty on the transport Boot picks: epoll on Linux.
 */
class NettyReactiveServerBlockTests extends ServerBlockContractTests {

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
	@EnabledOnOs(OS.LINUX)
	void serverChannelIsNettysOwnEpollChannelOnAClaimedPortOfTheBlock() throws Exception {
		assertThat(Epoll.isAvailable()).as("epoll, Boot's default transport here").isTrue();
		try (ConfigurableApplicationContext context = new Startups(EmbeddedServer.NETTY, BoundChannels.class).run(
				WebApplicationType.REACTIVE, "portreservation.blocks.web.number-of-ports=3",
				"portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			Channel channel = context.getBean(BoundChannels.class).first();
			assertThat(channel).isInstanceOf(EpollServerSocketChannel.class);
			int port = ((EpollServerSocketChannel) channel).localAddress().getPort();
			assertThat(web.contains(port)).isTrue();
			assertThat(web.portsInUse()).containsExactly(port);
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 3))).isEmpty();
		}
	}

}
