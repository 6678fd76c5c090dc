package org.portreservation.unix;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.BindProbe;
import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block larger than the file descriptors a process may open: the failure names the
 * limit and the number of ports asked, and leaves nothing behind.
 */
@EnabledOnOs(OS.LINUX)
class DescriptorLimitTests {

	@Test
	void aBlockBeyondTheDescriptorLimitNamesTheLimitAndTheNumberOfPorts() {
		int start = FreeBlocks.start(Protocol.UDP, 600);
		try (JavaProcess limited = Intruder.acquireAt(Protocol.UDP, start, 600).startWithOpenFileLimit(300)) {
			assertThat(limited.readLine())
				.startsWith("refused PortReservationException Could not hold the udp block " + start + "-"
						+ (start + 599) + ": a block costs one file descriptor per port, and 600 ports " + "with the ")
				.contains("descriptors this process has open exceed its limit (RLIMIT_NOFILE) of 300: raise it "
						+ "('ulimit -n', LimitNOFILE= in a systemd unit), or reserve fewer ports");
			assertThat(limited.readLine()).isEqualTo("ready");
			List<Integer> block = IntStream.range(start, start + 600).boxed().toList();
			assertThat(BindProbe.bindable(Protocol.UDP, block)).as("every placeholder was closed again")
				.isEqualTo(block);
		}
	}

}
