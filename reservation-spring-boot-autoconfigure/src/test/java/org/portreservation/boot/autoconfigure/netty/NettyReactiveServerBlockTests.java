package org.portreservation.boot.autoconfigure.netty;

import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.ServerBlockContractTests;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.WebServer;

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

}
