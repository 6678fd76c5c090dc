package org.portreservation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The block value: its ends, its ports and the way every message names it.
 */
class PortBlockTests {

	@Test
	void aBlockRunsFromItsStartToItsEndPortInclusive() {
		PortBlock block = PortBlock.of(Protocol.TCP, 24760, 8);
		assertThat(block.endPort()).isEqualTo(24767);
		assertThat(block.contains(24760)).isTrue();
		assertThat(block.contains(24767)).isTrue();
		assertThat(block.contains(24759)).isFalse();
		assertThat(block.contains(24768)).isFalse();
		assertThat(block.isAnyFree()).isFalse();
		assertThat(block).hasToString("tcp block 24760-24767");
	}

	@Test
	void aBlockAtTheTopOfThePortRangeEndsAtTheHighestPort() {
		PortBlock block = PortBlock.of(Protocol.UDP, 65535, 1);
		assertThat(block.endPort()).isEqualTo(65535);
		assertThat(block.contains(65535)).isTrue();
		assertThat(block).hasToString("udp block 65535-65535");
	}

	@Test
	void aRequestForAnyFreeBlockNamesNoPort() {
		PortBlock request = PortBlock.anyFree(Protocol.UDP, 8);
		assertThat(request.isAnyFree()).isTrue();
		assertThat(request.startPort()).isZero();
		assertThat(request.contains(0)).isFalse();
		assertThat(request.contains(1)).isFalse();
		assertThat(request).hasToString("any free block of 8 udp ports");
		assertThat(PortBlock.anyFree(Protocol.TCP, 1)).hasToString("any free block of 1 tcp port");
		assertThatThrownBy(request::endPort).isInstanceOf(IllegalStateException.class)
			.hasMessage("The any free block of 8 udp ports has no end port until a block is chosen");
	}

	@Test
	void anInvalidBlockCannotBeMade() {
		assertThatThrownBy(() -> PortBlock.of(Protocol.TCP, 65535, 2))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageContaining("can be at most 1");
		assertThatThrownBy(() -> PortBlock.anyFree(Protocol.TCP, 0))
			.isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage("numberOfPorts must be between 1 and 65535, was 0");
	}

	@Test
	void blocksOfOneProtocolThatShareAPortOverlap() {
		PortBlock block = PortBlock.of(Protocol.TCP, 5000, 4);
		assertThat(block.overlaps(PortBlock.of(Protocol.TCP, 5003, 2))).isTrue();
		assertThat(block.overlaps(PortBlock.of(Protocol.TCP, 4998, 3))).isTrue();
		assertThat(block.overlaps(PortBlock.of(Protocol.TCP, 5001, 1))).isTrue();
		assertThat(PortBlock.of(Protocol.TCP, 5003, 2).overlaps(block)).isTrue();
	}

	@Test
	void adjacentBlocksOtherProtocolsAndRequestsForAnyFreeBlockDoNotOverlap() {
		PortBlock block = PortBlock.of(Protocol.TCP, 5000, 4);
		assertThat(block.overlaps(PortBlock.of(Protocol.TCP, 5004, 2))).isFalse();
		assertThat(block.overlaps(PortBlock.of(Protocol.TCP, 4998, 2))).isFalse();
		assertThat(block.overlaps(PortBlock.of(Protocol.UDP, 5000, 4))).isFalse();
		assertThat(block.overlaps(PortBlock.anyFree(Protocol.TCP, 4))).isFalse();
		assertThat(PortBlock.anyFree(Protocol.TCP, 4).overlaps(block)).isFalse();
	}

}
