package org.portreservation.unix;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of wildcard block starts.
 */
class BlockSearchTests {

	@RepeatedTest(20)
	void triesEveryStartOutsideTheEphemeralRangeBeforeAnyInside() {
		List<Integer> starts = allStarts(new BlockSearch(1024, 2047, 1500, 1899, 10, new BitSet()));
		int firstInside = indexOfFirst(starts, 1500, 1899);
		assertThat(starts.subList(0, firstInside)).allMatch((start) -> start + 9 < 1500 || start > 1899)
			.hasSize((1499 - 10 + 1 - 1024 + 1) + (2047 - 10 + 1 - 1900 + 1));
		assertThat(starts.subList(firstInside, starts.size())).allMatch((start) -> start >= 1500 && start + 9 <= 1899)
			.hasSize(1899 - 10 + 1 - 1500 + 1);
		assertThat(starts).doesNotHaveDuplicates();
	}

	@Test
	void skipsBlocksOverlappingReservedPorts() {
		BitSet reserved = new BitSet();
		reserved.set(1100);
		reserved.set(1200, 1300);
		List<Integer> starts = allStarts(new BlockSearch(1024, 2047, 3000, 4000, 4, reserved));
		assertThat(starts).isNotEmpty().allMatch((start) -> reserved.get(start, start + 4).isEmpty());
		assertThat(starts).contains(1096, 1101, 1196, 1300).doesNotContain(1097, 1100, 1197, 1299);
	}

	@Test
	void nextStartSkipsPastTheBusyPort() {
		BlockSearch search = new BlockSearch(1024, 1100, 5000, 6000, 8, new BitSet());
		int start = search.first();
		int next = search.next(start, start + 5);
		assertThat(next).isIn(start + 6, 1024);
	}

	@Test
	void aBlockLargerThanEveryRangeMayStraddleThem() {
		List<Integer> starts = allStarts(new BlockSearch(1024, 65535, 32768, 60999, 40000, new BitSet()));
		assertThat(starts).hasSize(65535 - 40000 + 1 - 1024 + 1).contains(1024, 25536);
	}

	@Test
	void noStartWhenTheBlockDoesNotFit() {
		assertThat(new BlockSearch(1024, 65535, 32768, 60999, 65000, new BitSet()).first()).isEqualTo(-1);
	}

	private static List<Integer> allStarts(BlockSearch search) {
		List<Integer> starts = new ArrayList<>();
		for (int start = search.first(); start >= 0; start = search.next(start, start)) {
			starts.add(start);
		}
		return starts;
	}

	private static int indexOfFirst(List<Integer> starts, int low, int high) {
		for (int i = 0; i < starts.size(); i++) {
			if (starts.get(i) >= low && starts.get(i) <= high) {
				return i;
			}
		}
		return starts.size();
	}

}
