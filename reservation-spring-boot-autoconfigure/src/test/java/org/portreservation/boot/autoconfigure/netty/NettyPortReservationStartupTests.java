package org.portreservation.boot.autoconfigure.netty;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;

import io.netty.channel.Channel;
import org.junit.jupiter.api.Test;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.EmbeddedServer;
import org.portreservation.boot.autoconfigure.Startups;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpResources;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full start-ups of Reactor Netty bound from a block, beside what else runs on Reactor
 * Netty in the same JVM.
 */
class NettyPortReservationStartupTests {

	private final Startups startups = new Startups(EmbeddedServer.NETTY);

	@Test
	void twoContextsInOneJvmBindFromTheirOwnBlocks() throws Exception {
		Startups other = new Startups(EmbeddedServer.NETTY);
		try (ConfigurableApplicationContext first = this.startups.run(WebApplicationType.REACTIVE,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web");
				ConfigurableApplicationContext second = other.run(WebApplicationType.REACTIVE,
						"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web")) {
			PortReservation firstBlock = first.getBean(PortReservationTemplate.class).getReservation("web");
			PortReservation secondBlock = second.getBean(PortReservationTemplate.class).getReservation("web");
			int firstPort = this.startups.reportedPort("");
			int secondPort = other.reportedPort("");
			assertThat(firstBlock.portsInUse()).containsExactly(firstPort);
			assertThat(secondBlock.portsInUse()).containsExactly(secondPort);
			assertThat(firstBlock.contains(secondBlock.startPort())).isFalse();
			assertThat(secondBlock.contains(firstBlock.startPort())).isFalse();
			HttpClient client = HttpClient.newHttpClient();
			assertThat(Startups.get(client, "http://localhost:" + firstPort + "/hello")).isEqualTo("hello");
			assertThat(Startups.get(client, "http://localhost:" + secondPort + "/hello")).isEqualTo("hello");
		}
	}

	@Test
	void webClientAndTheGlobalHttpResourcesAreLeftAsTheyWere() {
		try (ConfigurableApplicationContext context = this.startups.run(WebApplicationType.REACTIVE,
				"portreservation.blocks.web.number-of-ports=3", "portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			int port = this.startups.reportedPort("");
			String body = WebClient.create("http://localhost:" + port)
				.get()
				.uri("/hello")
				.retrieve()
				.bodyToMono(String.class)
				.block();
			assertThat(body).isEqualTo("hello");
			DisposableServer plain = HttpServer.create().port(0).runOn(HttpResources.get()).bindNow();
			try {
				assertThat(web.contains(plain.port())).as("a server on the global loops binds as usual").isFalse();
			}
			finally {
				plain.disposeNow();
			}
			assertThat(web.portsInUse()).containsExactly(port);
		}
	}

	@Test
	void serverRunsOnTheLoopsOfTheContextsOwnResourceFactory() throws Exception {
		Startups withOwnLoops = new Startups(EmbeddedServer.NETTY, BoundChannels.class, OwnLoops.class);
		try (ConfigurableApplicationContext context = withOwnLoops.run(WebApplicationType.REACTIVE,
				"portreservation.blocks.web.number-of-ports=2", "portreservation.server.block=web")) {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			Channel channel = context.getBean(BoundChannels.class).first();
			assertThat(channel.eventLoop().submit(() -> Thread.currentThread().getName()).get())
				.startsWith("own-loops-");
			int port = withOwnLoops.reportedPort("");
			assertThat(((InetSocketAddress) channel.localAddress()).getPort()).isEqualTo(port);
			assertThat(web.portsInUse()).containsExactly(port);
		}
	}

	/**
	 * A resource factory of the application's own, with loops apart from the global ones.
	 */
	static class OwnLoops {

		@Bean
		ReactorResourceFactory reactorResourceFactory() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			resources.setLoopResourcesSupplier(() -> LoopResources.create("own-loops"));
			return resources;
		}

	}

}
