package org.portreservation.unix;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * The order in which a wildcard request tries block starts: outside the ephemeral range
 * first, from a random point so that concurrent processes rarely contend, then inside it,
 * never over a port of {@code ip_local_reserved_ports}.
 */
final class BlockSearch {

	private final int numberOfPorts;

	private final BitSet avoided;

	/** Ranges of block starts, {@code {first, last}}, in the order they are tried. */
	private final List<int[]> starts = new ArrayList<>();

	private int index;

	BlockSearch(int low, int high, int ephemeralLow, int ephemeralHigh, int numberOfPorts, BitSet avoided) {
		this(low, high, ephemeralLow, ephemeralHigh, numberOfPorts, avoided,
				(total) -> ThreadLocalRandom.current().nextLong(total));
	}

	/**
	 * A search whose rotations start where {@code firstOffset} says, so that tests can
	 * pin the edges of the random choice.
	 * @param firstOffset given the number of starts of a group of ranges, the position of
	 * the first one to try, from 0 to that number less one
	 */
	BlockSearch(int low, int high, int ephemeralLow, int ephemeralHigh, int numberOfPorts, BitSet avoided,
			LongUnaryOperator firstOffset) {
		this.numberOfPorts = numberOfPorts;
		this.avoided = avoided;
		List<int[]> preferred = new ArrayList<>();
		addStarts(preferred, low, Math.min(high, ephemeralLow - 1));
		addStarts(preferred, Math.max(low, ephemeralHigh + 1), high);
		List<int[]> ephemeral = new ArrayList<>();
		addStarts(ephemeral, Math.max(low, ephemeralLow), Math.min(high, ephemeralHigh));
		this.starts.addAll(rotate(preferred, firstOffset));
		this.starts.addAll(rotate(ephemeral, firstOffset));
		if (this.starts.isEmpty()) {
			// The block is larger than every range: let it straddle them.
			addStarts(this.starts, low, high);
		}
	}

	/** The first start to try, or -1 if no block of this size fits at all. */
	int first() {
		this.index = 0;
		return this.starts.isEmpty() ? -1 : settle(this.starts.get(0)[0]);
	}

	/**
	 * The next start to try after {@code start} failed at {@code busyPort}, or -1 when
	 * all were tried.
	 */
	int next(int start, int busyPort) {
		return settle(Math.max(start, busyPort) + 1);
	}

	private int settle(int candidate) {
		while (this.index < this.starts.size()) {
			int[] range = this.starts.get(this.index);
			while (candidate <= range[1]) {
				int blocked = this.avoided.previousSetBit(candidate + this.numberOfPorts - 1);
				if (blocked < candidate) {
					return candidate;
				}
				candidate = blocked + 1;
			}
			this.index++;
			if (this.index < this.starts.size()) {
				candidate = this.starts.get(this.index)[0];
			}
		}
		return -1;
	}

	private void addStarts(List<int[]> ranges, int firstPort, int lastPort) {
		int lastStart = lastPort - this.numberOfPorts + 1;
		if (lastStart >= firstPort) {
			ranges.add(new int[] { firstPort, lastStart });
		}
	}

	/** Starts the ranges at a chosen start and wraps around to the starts before it. */
	private static List<int[]> rotate(List<int[]> ranges, LongUnaryOperator firstOffset) {
		long total = 0;
		for (int[] range : ranges) {
			total += range[1] - range[0] + 1;
		}
		if (total == 0) {
			return ranges;
		}
		long offset = firstOffset.applyAsLong(total);
		int split = 0;
		while (offset > ranges.get(split)[1] - ranges.get(split)[0]) {
			offset -= ranges.get(split)[1] - ranges.get(split)[0] + 1;
			split++;
		}
		int pivot = ranges.get(split)[0] + (int) offset;
		List<int[]> rotated = new ArrayList<>();
		rotated.add(new int[] { pivot, ranges.get(split)[1] });
		rotated.addAll(ranges.subList(split + 1, ranges.size()));
		rotated.addAll(ranges.subList(0, split));
		if (pivot > ranges.get(split)[0]) {
			rotated.add(new int[] { ranges.get(split)[0], pivot - 1 });
		}
		return rotated;
	}

}
