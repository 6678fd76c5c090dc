package org.portreservation.test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.portreservation.PortReservation;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Plain JUnit: the blocks a test class declares are held for it, against other JVMs and
 * other users, and reach its constructor and methods as parameters.
 */
@ReservePorts({ @PortBlock(name = "web", numberOfPorts = 2), @PortBlock(name = "echo", protocol = Protocol.UDP) })
class ReservedPortParameterTests {

	private final PortReservation webFromConstructor;

	ReservedPortParameterTests(@ReservedPort("web") PortReservation web) {
		this.webFromConstructor = web;
	}

	@Test
	void intParametersArePortsOfTheBlockCountedFromItsFirst(@ReservedPort("web") int first,
			@ReservedPort(value = "web", index = 1) Integer second, @ReservedPort("web") PortReservation web) {
		assertThat(web.numberOfPorts()).isEqualTo(2);
		assertThat(first).isEqualTo(web.startPort());
		assertThat(second).isEqualTo(web.endPort());
		assertThat(web).isSameAs(this.webFromConstructor).isSameAs(ReservedBlocks.of(getClass()).reservation("web"));
		assertThat(web.isOpen()).isTrue();
	}

	@Test
	void anotherJvmAndAnotherUserBindNoPortOfTheBlocks(@ReservedPort("web") PortReservation web,
			@ReservedPort("echo") PortReservation echo) {
		assertThat(OtherJvm.bindable(web.block())).isEmpty();
		assertThat(OtherJvm.bindableByAnotherUser(web.block())).isEmpty();
		assertThat(OtherJvm.bindable(echo.block())).isEmpty();
		assertThat(OtherJvm.bindableByAnotherUser(echo.block())).isEmpty();
		assertThat(OtherJvm.reserve(web.block())).startsWith("refused ");
	}

	@Test
	void ownChannelBoundFromTheBlockServesWhileAnotherJvmCannotBindItsPort(@ReservedPort("web") PortReservation web)
			throws Exception {
		try (ServerSocketChannel server = web.openServerSocketChannel(web.endPort());
				SocketChannel client = SocketChannel
					.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), web.endPort()));
				SocketChannel accepted = server.accept()) {
			client.write(ByteBuffer.wrap(new byte[] { 42 }));
			ByteBuffer received = ByteBuffer.allocate(1);
			accepted.read(received);
			assertThat(received.get(0)).isEqualTo((byte) 42);
			assertThat(OtherJvm.bindable(web.block())).isEmpty();
		}
	}

	@Test
	void aReservedPortWithNothingListeningRefusesConnections(@ReservedPort("web") int deadPort) {
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort)));
	}

	@Nested
	class NestedClass {

		@Test
		void holdsTheBlocksOfItsEnclosingClass(@ReservedPort("web") PortReservation web) {
			assertThat(web).isSameAs(ReservedPortParameterTests.this.webFromConstructor);
		}

	}

}
