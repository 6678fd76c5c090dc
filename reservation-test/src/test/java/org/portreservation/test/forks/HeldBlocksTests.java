package org.portreservation.test.forks;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of the forks' records finds what it must: it would fail on overlapping blocks
 * that two JVMs held at the same time, and only on those.
 */
class HeldBlocksTests {

	@Test
	void blocksSharingAPortThatTwoJvmsHeldAtTheSameTimeAreAnOverlap() {
		List<HeldBlock> blocks = List.of(HeldBlock.parse("101 tcp 20000 20063 1000 2000"),
				HeldBlock.parse("202 tcp 20063 20070 1999 3000"));
		assertThat(HeldBlocks.overlaps(blocks)).containsExactly(
				"pid 101 held tcp 20000-20063 from 1000 to 2000 while pid 202 held tcp 20063-20070 from 1999 to 3000");
		assertThat(HeldBlocks.concurrent(blocks)).isTrue();
	}

	@Test
	void blocksHeldOneAfterTheOtherByAPidOrOfAnotherProtocolAreNoOverlap() {
		List<HeldBlock> blocks = List.of(HeldBlock.parse("101 tcp 20000 20063 1000 2000"),
				HeldBlock.parse("202 tcp 20000 20063 2000 3000"), HeldBlock.parse("101 tcp 20000 20063 1500 1600"),
				HeldBlock.parse("303 udp 20000 20063 1000 3000"), HeldBlock.parse("404 tcp 20064 20100 1000 3000"));
		assertThat(HeldBlocks.overlaps(blocks)).isEmpty();
	}

	@Test
	void aRecordLineReadsBackAsWritten() {
		HeldBlock block = new HeldBlock(42, Protocol.UDP, 5000, 5003, 1700000000000L, 1700000000500L);
		assertThat(HeldBlock.parse(block.line())).isEqualTo(block);
	}

}
