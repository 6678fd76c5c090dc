package org.portreservation.unix;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.portreservation.PortReservation;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Placeholders made through the C library hold the IPv4 side of their ports whatever the
 * kernel's default for new IPv6 sockets is.
 */
@EnabledOnOs(OS.LINUX)
class NativePlaceholdersTests {

	@ParameterizedTest
	@CsvSource({ "TCP, 2", "TCP, 16", "UDP, 2", "UDP, 16" })
	void placeholdersHoldTheIpv4SideWhereNewIpv6SocketsAreIpv6OnlyByDefault(Protocol protocol, int size)
			throws Exception {
		assumeTrue(NativePlaceholders.JdkStack.DUAL, "skipped: the JDK makes IPv4 sockets here");
		NetworkNamespace.call(() -> {
			Files.writeString(KernelPorts.IPV6_ONLY_BY_DEFAULT, "1");
			int port;
			try (PortReservation reservation = new UnixPortReservations().acquire(protocol, 0, size)) {
				port = reservation.startPort();
				for (int held = port; held <= reservation.endPort(); held++) {
					int busy = held;
					assertThatExceptionOfType(BindException.class).as("an IPv4 bind of port %d", busy)
						.isThrownBy(() -> bindIpv4(protocol, busy));
				}
			}
			bindIpv4(protocol, port);
			return null;
		});
	}

	private static void bindIpv4(Protocol protocol, int port) throws IOException {
		try (NetworkChannel channel = (protocol == Protocol.TCP) ? ServerSocketChannel.open(StandardProtocolFamily.INET)
				: DatagramChannel.open(StandardProtocolFamily.INET)) {
			channel.bind(new InetSocketAddress(port));
		}
	}

}
