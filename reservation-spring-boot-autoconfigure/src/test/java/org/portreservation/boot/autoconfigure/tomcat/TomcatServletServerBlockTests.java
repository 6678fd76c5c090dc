package org.portreservation.boot.autoconfigure.tomcat;

import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.ServerBlockContractTests;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;

/**
 * The server contract for Tomcat in a servlet application, the server Boot picks here.
 */
class TomcatServletServerBlockTests extends ServerBlockContractTests {

	@Override
	protected WebApplicationType type() {
		return WebApplicationType.SERVLET;
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
