package org.portreservation.unix;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;

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
	void aOnePortRequestNeverGetsAReservedPort() {
		BitSet reserved = new BitSet();
		reserved.set(1030);
		List<Integer> starts = allStarts(new BlockSearch(1024, 1039, 3000, 4000, 1, reserved, offsets(6)));
		assertThat(starts).startsWith(1031).doesNotContain(1030).hasSize(15);
	}

	@Test
	void aBlockThatExactlyFillsTheRangeIsFound() {
		assertThat(allStarts(new BlockSearch(1024, 1031, 3000, 4000, 8, new BitSet()))).containsExactly(1024);
		assertThat(allStarts(new BlockSearch(1024, 65535, 1024, 65535, 64512, new BitSet()))).containsExactly(1024);
	}

	@Test
	void rotationFromTheFirstStartKeepsTheNaturalOrder() {
		assertThat(allStarts(new BlockSearch(1024, 1039, 1030, 1034, 2, new BitSet(), offsets(0, 0))))
			.containsExactly(1024, 1025, 1026, 1027, 1028, 1035, 1036, 1037, 1038, 1030, 1031, 1032, 1033);
	}

	@Test
	void rotationFromTheLastStartOfARangeGoesOnToTheNextRange() {
		assertThat(allStarts(new BlockSearch(1024, 1039, 1030, 1034, 2, new BitSet(), offsets(4, 2))))
			.containsExactly(1028, 1035, 1036, 1037, 1038, 1024, 1025, 1026, 1027, 1032, 1033, 1030, 1031);
	}

	@Test
	void rotationFromTheFirstStartOfTheSecondRangeWrapsToTheWholeFirstRange() {
		assertThat(allStarts(new BlockSearch(1024, 1039, 1030, 1034, 2, new BitSet(), offsets(5, 3))))
			.containsExactly(1035, 1036, 1037, 1038, 1024, 1025, 1026, 1027, 1028, 1033, 1030, 1031, 1032);
	}

	@Test
	void rotationFromTheVeryLastStartWrapsToTheFirst() {
		assertThat(allStarts(new BlockSearch(1024, 1039, 1030, 1034, 2, new BitSet(), offsets(8, 3))))
			.containsExactly(1038, 1024, 1025, 1026, 1027, 1028, 1035, 1036, 1037, 1033, 1030, 1031, 1032);
	}

	@Test
	void eachRotationChoosesAmongEveryStartOfItsRanges() {
		List<Long> totals = new ArrayList<>();
		new BlockSearch(1024, 1039, 1030, 1034, 2, new BitSet(), (total) -> {
			totals.add(total);
			return 0;
		});
		assertThat(totals).containsExactly(9L, 4L);
	}

	@Test
	void withoutAChoiceGivenTheFirstStartIsRandomSoThatProcessesRarelyContend() {
		Set<Integer> firsts = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			firsts.add(new BlockSearch(1024, 2047, 1500, 1899, 10, new BitSet()).first());
		}
		// 50 draws from 605 starts all alike: (1/605)^49.
		assertThat(firsts).hasSizeGreaterThan(1);
	}

	@Test
	void noStartWhenTheBlockDoesNotFit() {
		assertThat(new BlockSearch(1024, 65535, 32768, 60999, 65000, new BitSet()).first()).isEqualTo(-1);
	}

	/** The rotations' first offsets, in the order the search asks for them. */
	private static LongUnaryOperator offsets(long... offsets) {
		PrimitiveIterator.OfLong next = LongStream.of(offsets).iterator();
		return (total) -> next.nextLong();
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
