package org.portreservation.boot.autoconfigure;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.portreservation.FreeBlocks;
import org.portreservation.BindProbe;
import org.portreservation.Protocol;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Full start-ups with wrong configuration: each must stop with a failure analysis that
 * names the property and what is allowed, and leave nothing reserved.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationStartupTests {

	static Stream<Arguments> invalidConfigurations() {
		return Stream.of(
				Arguments.of(List.of("portreservation.blocks.web.number-of-ports=0"),
						List.of("portreservation.blocks.web.number-of-ports must be between 1 and 65535, was 0")),
				Arguments.of(List.of("portreservation.blocks.web.number-of-ports=65536"),
						List.of("portreservation.blocks.web.number-of-ports must be between 1 and 65535, was 65536")),
				Arguments.of(List.of("portreservation.blocks.web.start-port=65536"),
						List.of("portreservation.blocks.web.start-port must be 0 (any free block) or a port between 1 "
								+ "and 65535, was 65536")),
				Arguments.of(List.of("portreservation.blocks.web.start-port=-1"),
						List.of("portreservation.blocks.web.start-port must be 0 (any free block) or a port between 1 "
								+ "and 65535, was -1")),
				Arguments.of(
						List.of("portreservation.blocks.web.start-port=65534",
								"portreservation.blocks.web.number-of-ports=4"),
						List.of("portreservation.blocks.web.number-of-ports 4 makes the block 65534-65537 run past "
								+ "the highest port 65535: from portreservation.blocks.web.start-port 65534, "
								+ "portreservation.blocks.web.number-of-ports can be at most 2")),
				Arguments.of(List.of("portreservation.blocks.web.protocol=sctp"),
						List.of("Failed to bind properties under 'portreservation.blocks.web.protocol'",
								"Value: \"sctp\"", "The following values are valid:", "TCP", "UDP")),
				Arguments.of(List.of("portreservation.server.block=api"),
						List.of("portreservation.server.block names the block 'api', which is not configured: use "
								+ "the name of a tcp block configured under portreservation.blocks, one of [kept]")),
				Arguments.of(List.of("portreservation.blocks.echo.protocol=udp", "portreservation.server.block=echo"),
						List.of("portreservation.server.block names the udp block 'echo', but a server listens on "
								+ "tcp: use a tcp block, one of [kept]")),
				Arguments.of(List.of("portreservation.management.block=api"),
						List.of("portreservation.management.block names the block 'api', which is not configured")),
				Arguments.of(List.of("portreservation.blocks.web.persistent=true"),
						List.of("portreservation.blocks.web.start-port must be a port between 1 and 65535 for a "
								+ "persistent reservation, was 0: any free block (0) exists only for runtime "
								+ "reservations")));
	}

	@ParameterizedTest
	@MethodSource("invalidConfigurations")
	void invalidConfigurationFailsWithItsMessageAndReservesNothing(List<String> properties, List<String> messages,
			CapturedOutput output) {
		int kept = FreeBlocks.start(Protocol.TCP, 2);
		List<String> all = new ArrayList<>(List.of("server.port=0", "portreservation.blocks.kept.start-port=" + kept,
				"portreservation.blocks.kept.number-of-ports=2"));
		all.addAll(properties);
		assertThatException()
			.isThrownBy(() -> new Startups().run(WebApplicationType.SERVLET, all.toArray(String[]::new)));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(messages);
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(kept, 2))).hasSize(2);
	}

	@Test
	void twoConfiguredBlocksThatShareAPortNameEachOtherAndReserveNothing(CapturedOutput output) {
		int kept = FreeBlocks.start(Protocol.TCP, 3);
		assertThatException().isThrownBy(() -> new Startups().run(WebApplicationType.SERVLET, "server.port=0",
				"portreservation.blocks.kept.start-port=" + kept, "portreservation.blocks.kept.number-of-ports=2",
				"portreservation.blocks.web.start-port=" + (kept + 1), "portreservation.blocks.web.number-of-ports=2"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("portreservation.blocks.web (tcp block " + (kept + 1) + "-" + (kept + 2)
					+ ") overlaps portreservation.blocks.kept (tcp block " + kept + "-" + (kept + 1)
					+ "): a port belongs to one block only");
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(kept, 3))).hasSize(3);
	}

	@Test
	void blockThatCannotBeReservedFailsStartupAndReleasesTheOthers(CapturedOutput output) throws Exception {
		int first = FreeBlocks.start(Protocol.TCP, 2);
		int second = FreeBlocks.start(Protocol.TCP, 2);
		try (ServerSocket taken = new ServerSocket(second + 1)) {
			assertThatException().isThrownBy(() -> new Startups().run(WebApplicationType.SERVLET, "server.port=0",
					"portreservation.blocks.first.start-port=" + first,
					"portreservation.blocks.first.number-of-ports=2",
					"portreservation.blocks.second.start-port=" + second,
					"portreservation.blocks.second.number-of-ports=2"));
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Could not reserve the block 'second' (tcp block " + second + "-" + (second + 1) + "): Port "
					+ (second + 1))
			.contains("or set portreservation.fail-fast to false to start without the block");
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(first, 2))).hasSize(2);
	}

}
