package org.portreservation.boot.autoconfigure;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.portreservation.boot.testapp.TestApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@link TestApplication} on one server, bound from a block or plainly, for the
 * scripts in {@code benchmarks/servers}: prints {@code port N} and serves until the
 * process is terminated, when Boot's shutdown hook closes it; or, told {@code startup},
 * prints {@code ready MILLIS}, the JVM's uptime when the application is ready, and exits.
 * <p>
 * Arguments: {@code tomcat|jetty|netty servlet|reactive block|unused|plain [startup]}.
 * From a block, the server binds from a block of 4 ports, and a second block of 16 ports
 * is reserved beside it, as an application with companion ports would. Unused, the
 * library is on, with no block, and the server binds {@code server.port=0}. Plainly, it
 * binds {@code server.port=0}; the scripts then leave the library off the class path, and
 * {@code portreservation.enabled=false} turns it off where it is on it.
 */
public final class ServerBenchmarkApplication {

	private ServerBenchmarkApplication() {
	}

	public static void main(String[] args) {
		// DevTools is on this class path for its tests; its restarter would run main
		// again without arguments.
		System.setProperty("spring.devtools.restart.enabled", "false");
		EmbeddedServer server = EmbeddedServer.valueOf(args[0].toUpperCase(Locale.ROOT));
		WebApplicationType type = WebApplicationType.valueOf(args[1].toUpperCase(Locale.ROOT));
		String[] properties = switch (args[2]) {
			case "block" ->
				new String[] { "portreservation.blocks.web.number-of-ports=4", "portreservation.server.block=web",
						"portreservation.blocks.companions.number-of-ports=16", "logging.level.root=warn" };
			case "unused" -> new String[] { "server.port=0", "logging.level.root=warn" };
			case "plain" ->
				new String[] { "portreservation.enabled=false", "server.port=0", "logging.level.root=warn" };
			default -> throw new IllegalArgumentException("Mode " + args[2] + " is none of block, unused, plain");
		};
		ConfigurableApplicationContext context = new Startups(server).run(type, properties);
		if (args.length > 3 && "startup".equals(args[3])) {
			System.out.println("ready " + ManagementFactory.getRuntimeMXBean().getUptime());
			context.close();
			return;
		}
		System.out.println("port " + ((WebServerApplicationContext) context).getWebServer().getPort());
		System.out.flush();
	}

}
