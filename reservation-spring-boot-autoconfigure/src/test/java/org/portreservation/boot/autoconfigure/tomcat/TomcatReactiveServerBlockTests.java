package org.portreservation.boot.autoconfigure.tomcat;

import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.ServerBlockContractTests;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;

/**
 * The server contract for Tomcat in a reactive application.
 */
class TomcatReactiveServerBlockTests extends ServerBlockContractTests {

	@Override
	protected WebApplicationType type() {
		return WebApplicationType.REACTIVE;
	}

	@Override
	protected EmbeddedServer server() {
		return EmbeddedServer.TOMCAT;
	}

	@Override
	protected Class<? extends WebServer> serverClass() {
		return TomcatWebServer.class;
	}

}
