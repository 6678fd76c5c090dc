package org.portreservation.boot.autoconfigure.jetty;

import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.ServerBlockContractTests;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.WebServer;

/**
 * The server contract for Jetty in a reactive application.
 */
class JettyReactiveServerBlockTests extends ServerBlockContractTests {

	@Override
	protected WebApplicationType type() {
		return WebApplicationType.REACTIVE;
	}

	@Override
	protected EmbeddedServer server() {
		return EmbeddedServer.JETTY;
	}

	@Override
	protected Class<? extends WebServer> serverClass() {
		return JettyWebServer.class;
	}

}
