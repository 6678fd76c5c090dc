package org.portreservation.unix;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A block held by a JVM started with {@code -Djava.net.preferIPv4Stack=true}, whose
 * sockets are all IPv4 ones, keeps the IPv6 side of its ports from other users too.
 */
@EnabledOnOs(OS.LINUX)
class PreferIpv4StackTests {

	private static final String PREFER_IPV4_STACK = "java.net.preferIPv4Stack=true";

	@BeforeEach
	void needsNobody() {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv(), "skipped: needs root and setpriv to run a JVM as nobody");
	}

	@ParameterizedTest
	@CsvSource({ "TCP, false", "TCP, true", "UDP, false", "UDP, true" })
	void anotherUserTakesNoSideOfAPortThatAnIpv4OnlyJvmHolds(Protocol protocol, boolean bindChannel) {
		int first;
		int last;
		try (JavaProcess holder = Intruder.holder(protocol, 3, bindChannel, PREFER_IPV4_STACK).start()) {
			assertThat(holder.readLineStartingWith("local ")).as("the holder's wildcard address")
				.startsWith("/0.0.0.0:");
			assertThat(holder.readLineStartingWith("backend ")).doesNotContain("limits here");
			String[] block = holder.readLineStartingWith("block ").split(" ");
			first = Integer.parseInt(block[0]);
			last = Integer.parseInt(block[1]);
			assertThat(holder.readLine()).isEqualTo("ready");
			assertThat(takenByNobody(Intruder.ipv6OnlyFirst(protocol, first, last))).isZero();
		}
		assertThat(takenByNobody(Intruder.ipv6OnlyFirst(protocol, first, last)))
			.as("the same binds once the holder is gone")
			.isPositive();
	}

	@Test
	void whereNoIpv6PlaceholderCanBeMadeTheBackendSaysSoAndTheGapIsReal() {
		// Without its native library JNA makes no call, as on a system it does not
		// support.
		try (JavaProcess holder = Intruder
			.holder(Protocol.TCP, 1, false, PREFER_IPV4_STACK, "jna.nounpack=true", "jna.nosys=true")
			.start()) {
			assertThat(holder.readLineStartingWith("backend ")).contains("under -Djava.net.preferIPv4Stack=true "
					+ "placeholders are IPv4 sockets and no IPv6 one can be made beside them here (JNA could not load "
					+ "the C library");
			int port = Integer.parseInt(holder.readLineStartingWith("block ").split(" ")[0]);
			assertThat(holder.readLine()).isEqualTo("ready");
			assertThat(takenByNobody(Intruder.ipv6OnlyFirst(Protocol.TCP, port, port))).isPositive();
		}
	}

	private static int takenByNobody(Intruder.Command command) {
		try (JavaProcess intruder = command.startAs(65534)) {
			int taken = Integer.parseInt(intruder.readLineStartingWith("taken "));
			assertThat(intruder.waitFor()).as("the intruder's exit code; its stderr: %s", intruder.errors()).isZero();
			return taken;
		}
	}

}
