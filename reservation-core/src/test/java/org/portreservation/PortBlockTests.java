package org.portreservation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block value: overlaps as the configuration check uses it.
 */
class PortBlockTests {

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
