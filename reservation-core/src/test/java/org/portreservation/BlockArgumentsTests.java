package org.portreservation;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.portreservation.BlockArguments.Argument;
import org.portreservation.BlockArguments.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The block rules at their edges: the last valid value of each argument is accepted and
 * the first invalid one is named with what is allowed.
 */
class BlockArgumentsTests {

	private static final Function<Argument, String> PROPERTY_NAMES = (argument) -> "blocks.web." + argument.javaName();

	@Test
	void theHighestStartPortTheLargestBlockAndABlockEndingAtTheHighestPortAreValid() {
		assertThatNoException().isThrownBy(() -> BlockArguments.check(Protocol.TCP, 65535, 1, true));
		assertThatNoException().isThrownBy(() -> BlockArguments.check(Protocol.UDP, 1, 65535, true));
		assertThatNoException().isThrownBy(() -> BlockArguments.check(Protocol.TCP, 65530, 6, false));
		assertThatNoException().isThrownBy(() -> BlockArguments.check(Protocol.UDP, 0, 65535, false));
		assertThat(BlockArguments.violations(Protocol.TCP, 65535, 1, true, PROPERTY_NAMES)).isEmpty();
		assertThat(BlockArguments.violations(Protocol.UDP, 0, 65535, false, PROPERTY_NAMES)).isEmpty();
	}

	@Test
	void theLowestStartPortAndTheSmallestBlockAreValid() {
		assertThat(BlockArguments.violations(Protocol.TCP, 1, 1, true, PROPERTY_NAMES)).isEmpty();
		assertThat(BlockArguments.violations(Protocol.TCP, 0, 1, false, PROPERTY_NAMES)).isEmpty();
	}

	@Test
	void aBlockOnePortPastTheHighestPortIsNamedWithTheLargestSizeAllowed() {
		assertThat(BlockArguments.violations(Protocol.TCP, 65535, 2, false, PROPERTY_NAMES))
			.containsExactly(new Violation(Argument.NUMBER_OF_PORTS,
					"blocks.web.numberOfPorts 2 makes the block 65535-65536 run past the highest port 65535: from "
							+ "blocks.web.startPort 65535, blocks.web.numberOfPorts can be at most 1"));
		assertThat(BlockArguments.violations(Protocol.TCP, 2, 65535, false, PROPERTY_NAMES)).singleElement()
			.extracting(Violation::message)
			.asString()
			.endsWith("makes the block 2-65536 run past the highest port 65535: from blocks.web.startPort 2, "
					+ "blocks.web.numberOfPorts can be at most 65534");
	}

	@Test
	void everyBrokenRuleIsListedWithTheCallersNames() {
		List<Violation> violations = BlockArguments.violations(null, -1, 0, true, PROPERTY_NAMES);
		assertThat(violations).extracting(Violation::argument)
			.containsExactly(Argument.PROTOCOL, Argument.START_PORT, Argument.NUMBER_OF_PORTS);
		assertThat(violations).extracting(Violation::message)
			.containsExactly("blocks.web.protocol must be TCP or UDP, was null",
					"blocks.web.startPort must be 0 (any free block) or a port between 1 and 65535, was -1",
					"blocks.web.numberOfPorts must be between 1 and 65535, was 0");
	}

	@Test
	void aPersistentRequestNeedsAStartPort() {
		assertThat(BlockArguments.violations(Protocol.UDP, 0, 4, true, PROPERTY_NAMES))
			.containsExactly(new Violation(Argument.START_PORT,
					"blocks.web.startPort must be a port between 1 and 65535 for a persistent reservation, was 0: any "
							+ "free block (0) exists only for runtime reservations"));
		assertThatThrownBy(() -> BlockArguments.persistentBlock(PortBlock.anyFree(Protocol.UDP, 4)))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageStartingWith("startPort must be a port between 1 and 65535 for a persistent reservation");
	}

	@Test
	void checkThrowsTheFirstViolationWithTheJavaNames() {
		assertThatThrownBy(() -> BlockArguments.check(null, 70000, 0, false))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("protocol must be TCP or UDP, was null");
	}

	@Test
	void persistentRequestsAreCheckedAndMadeIntoBlocks() {
		assertThat(BlockArguments.persistentBlock(Protocol.TCP, 65535, 1))
			.isEqualTo(PortBlock.of(Protocol.TCP, 65535, 1));
		PortBlock block = PortBlock.of(Protocol.UDP, 40000, 8);
		assertThat(BlockArguments.persistentBlock(block)).isSameAs(block);
		assertThat(BlockArguments.runtimeBlock(block)).isSameAs(block);
		assertThatThrownBy(() -> BlockArguments.runtimeBlock(null))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("block must not be null");
		assertThatThrownBy(() -> BlockArguments.persistentBlock(null))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("block must not be null");
		assertThatThrownBy(() -> BlockArguments.persistentBlock(Protocol.TCP, 0, 4))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageStartingWith("startPort must be a port between 1 and 65535 for a persistent reservation");
		assertThatThrownBy(() -> BlockArguments.persistentBlock(Protocol.TCP, 65535, 2))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageContaining("numberOfPorts can be at most 1");
	}

	@Test
	void argumentsHaveTheirJavaNames() {
		assertThat(List.of(Argument.values())).extracting(Argument::javaName)
			.containsExactly("protocol", "startPort", "numberOfPorts");
	}

}
