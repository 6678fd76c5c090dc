package org.portreservation.boot.netty;

import java.net.http.HttpClient;
import java.time.Duration;

import io.netty.channel.Channel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portreservation.BindProbe;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.boot.autoconfigure.Ports;
import org.portreservation.boot.autoconfigure.Startups;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Plain Reactor Netty servers bound from a block through {@link ReservedLoopResources},
 * on the native transport and on NIO, with real sockets and another process.
 */
class ReservedLoopResourcesTests {

	private final PortReservations reservations = PortReservations.forCurrentPlatform();

	private final LoopResources loops = LoopResources.create("reserved-loops-test", 1, true);

	private final HttpClient client = HttpClient.newHttpClient();

	@AfterEach
	void disposeLoops() {
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void serverBindsAFreePortOfTheBlockAndGivesItBackGuardedWhenDisposed(Transport transport) throws Exception {
		transport.assumeAvailable();
		try (PortReservation web = this.reservations.acquire(Protocol.TCP, 0, 3)) {
			DisposableServer server = serve(web, transport, 0);
			int port = server.port();
			transport.assertBoundFromTheBlock(server.channel(), this.loops);
			assertThat(web.contains(port)).isTrue();
			assertThat(web.portsInUse()).containsExactly(port);
			assertThat(Startups.get(this.client, "http://localhost:" + port + "/")).isEqualTo("hello");
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 3))).isEmpty();
			server.disposeNow();
			assertThat(web.portsInUse()).isEmpty();
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, Ports.range(web.startPort(), 3))).isEmpty();
			DisposableServer again = serve(web, transport, port);
			assertThat(again.port()).isEqualTo(port);
			again.disposeNow();
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void namedPortOfTheBlockIsBoundExactly(Transport transport) {
		transport.assumeAvailable();
		try (PortReservation web = this.reservations.acquire(Protocol.TCP, 0, 3)) {
			DisposableServer server = serve(web, transport, web.endPort());
			assertThat(server.port()).isEqualTo(web.endPort());
			assertThat(web.portsInUse()).containsExactly(web.endPort());
			server.disposeNow();
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void portOutsideTheBlockIsRefusedAndNothingIsTaken(Transport transport) {
		transport.assumeAvailable();
		try (PortReservation web = this.reservations.acquire(Protocol.TCP, 0, 2)) {
			assertThatException().isThrownBy(() -> serve(web, transport, web.endPort() + 1))
				.withStackTraceContaining("port " + (web.endPort() + 1) + " is outside the " + web);
			assertThat(web.portsInUse()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void failedBindLeavesNoClaimOrChannelOnTheBlock(Transport transport) {
		transport.assumeAvailable();
		try (PortReservation web = this.reservations.acquire(Protocol.TCP, 0, 1)) {
			// 192.0.2.1 is TEST-NET-1, an address of no host: the bind itself fails.
			assertThatException().isThrownBy(() -> HttpServer.create()
				.host("192.0.2.1")
				.port(0)
				.runOn(new ReservedLoopResources(this.loops, web), transport.preferNative)
				.bindNow());
			assertThat(web.portsInUse()).isEmpty();
			assertThat(web.freePorts()).containsExactly(web.startPort());
			DisposableServer server = serve(web, transport, 0);
			assertThat(server.port()).isEqualTo(web.startPort());
			server.disposeNow();
		}
	}

	@Test
	void udpBlockIsRefused() {
		try (PortReservation echo = this.reservations.acquire(Protocol.UDP, 0, 1)) {
			assertThatIllegalArgumentException().isThrownBy(() -> new ReservedLoopResources(this.loops, echo))
				.withMessage("A Reactor Netty server listens on tcp, but the " + echo
						+ " is a udp block: bind the server from a tcp block");
		}
	}

	@Test
	void channelsOtherThanTcpServerChannelsAreRefused() {
		try (PortReservation web = this.reservations.acquire(Protocol.TCP, 0, 1)) {
			ReservedLoopResources reserved = new ReservedLoopResources(this.loops, web);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> reserved.onChannel(SocketChannel.class, reserved.onClient(false)))
				.withMessage("Only TCP server channels bind from the " + web + ", not a SocketChannel: run HTTP/3, "
						+ "UDP and Unix domain socket servers, and clients, on other LoopResources");
		}
	}

	private DisposableServer serve(PortReservation reservation, Transport transport, int port) {
		return HttpServer.create()
			.port(port)
			.runOn(new ReservedLoopResources(this.loops, reservation), transport.preferNative)
			.handle((request, response) -> response.sendString(Mono.just("hello")))
			.bindNow();
	}

	/** The transports a server runs on. */
	enum Transport {

		/** Netty's native transport: epoll on Linux, io_uring or kqueue where present. */
		NATIVE(true),

		/** Netty's NIO transport, Windows' and that of systems without a native one. */
		NIO(false);

		private final boolean preferNative;

		Transport(boolean preferNative) {
			this.preferNative = preferNative;
		}

		void assumeAvailable() {
			assumeTrue(!this.preferNative || LoopResources.hasNativeSupport(), "no native transport here");
		}

		void assertBoundFromTheBlock(Channel channel, LoopResources loops) {
			if (this.preferNative) {
				// Netty's own channel of the transport: epoll, io_uring or kqueue.
				assertThat(channel.getClass())
					.isEqualTo(loops.onChannelClass(ServerSocketChannel.class, channel.eventLoop().parent()))
					.isNotEqualTo(NioServerSocketChannel.class);
				assertThat(channel.pipeline().get(ClaimOnBind.class)).isNotNull();
			}
			else {
				assertThat(channel).isInstanceOf(ReservedNioServerSocketChannel.class);
			}
		}

	}

}
