package org.portreservation.unix;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the C library cannot be called (as on macOS), placeholders are the JDK's
 * channels: a JVM whose JNA loads no library holds its block with them, against another
 * user.
 */
@EnabledOnOs(OS.LINUX)
class ChannelPlaceholdersTests {

	@BeforeEach
	void needsNobody() {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv(), "skipped: needs root and setpriv to run a JVM as nobody");
	}

	@ParameterizedTest
	@CsvSource({ "TCP, false", "TCP, true", "UDP, false" })
	void anotherUserCannotBindAPortOfABlockHeldByChannels(Protocol protocol, boolean bindChannel) {
		int first;
		int last;
		// Without its native library JNA makes no call, as on a system it does not
		// support.
		try (JavaProcess holder = Intruder.holder(protocol, 4, bindChannel, "jna.nounpack=true", "jna.nosys=true")
			.start()) {
			assertThat(holder.readLineStartingWith("backend ")).contains("JNA could not load the C library");
			String[] block = holder.readLineStartingWith("block ").split(" ");
			first = Integer.parseInt(block[0]);
			last = Integer.parseInt(block[1]);
			assertThat(holder.readLine()).isEqualTo("ready");
			assertThat(takenByNobody(Intruder.bind(protocol, first, last))).isZero();
		}
		assertThat(takenByNobody(Intruder.bind(protocol, first, last))).as("the same binds once the holder is gone")
			.isPositive();
	}

	private static int takenByNobody(Intruder.Command command) {
		try (JavaProcess intruder = command.startAs(65534)) {
			int taken = Integer.parseInt(intruder.readLineStartingWith("taken "));
			assertThat(intruder.waitFor()).as("the intruder's exit code; its stderr: %s", intruder.errors()).isZero();
			return taken;
		}
	}

}
