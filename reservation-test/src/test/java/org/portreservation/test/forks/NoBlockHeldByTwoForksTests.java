package org.portreservation.test.forks;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by the fork-check execution, after the forks execution: no two of its JVMs ever
 * held overlapping blocks, while they did hold blocks at the same time.
 */
@Tag("fork-check")
class NoBlockHeldByTwoForksTests {

	@Test
	void noTwoForkedJvmsHeldOverlappingBlocksAtTheSameTime() throws Exception {
		List<HeldBlock> blocks = HeldBlocks.read(HeldBlocks.directory());
		Set<Long> jvms = blocks.stream().map(HeldBlock::pid).collect(Collectors.toSet());
		assertThat(jvms).as("forked JVMs that recorded blocks").hasSizeGreaterThanOrEqualTo(2);
		assertThat(HeldBlocks.concurrent(blocks)).as("two JVMs held blocks at the same time").isTrue();
		assertThat(HeldBlocks.overlaps(blocks)).as("blocks two JVMs held at the same time that share a port").isEmpty();
	}

}
