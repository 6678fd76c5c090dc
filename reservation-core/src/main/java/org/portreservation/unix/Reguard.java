package org.portreservation.unix;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Guards ports again soon after they come back without a call to their reservation: a UDP
 * port whose channel was closed, a port that another socket still held when its lease
 * ended. Java tells no one when a channel closes, so a daemon thread looks every
 * {@value #INTERVAL_MILLIS} ms while such ports exist, at those ports only, and stops
 * when none are left.
 * <p>
 * A block is dropped only under the lock that {@link #watch} takes, after it was seen to
 * watch no port under that lock: a block that watches a port from then on calls
 * {@link #watch} after it, so no interleaving loses a port.
 */
final class Reguard {

	static final long INTERVAL_MILLIS = 20;

	private static final Set<HeldBlock> WATCHED = new LinkedHashSet<>();

	/**
	 * Runs on the sweeper when it has found a block with nothing left to watch, before it
	 * drops the block: a test pauses it here to bind in between.
	 */
	static volatile Consumer<HeldBlock> beforeUnwatch = (block) -> {
	};

	private static @Nullable Thread sweeper;

	private Reguard() {
	}

	/**
	 * Watches a block until it watches no port; call after the block has started watching
	 * one.
	 */
	static void watch(HeldBlock block) {
		synchronized (WATCHED) {
			WATCHED.add(block);
			if (sweeper == null) {
				sweeper = new Thread(Reguard::sweep, "portreservation-reguard");
				sweeper.setDaemon(true);
				sweeper.start();
			}
		}
	}

	private static void sweep() {
		while (true) {
			try {
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			HeldBlock[] blocks;
			synchronized (WATCHED) {
				blocks = WATCHED.toArray(new HeldBlock[0]);
			}
			for (HeldBlock block : blocks) {
				block.reguard();
				if (!block.watching()) {
					beforeUnwatch.accept(block);
					unwatchIfIdle(block);
				}
			}
			synchronized (WATCHED) {
				if (WATCHED.isEmpty()) {
					sweeper = null;
					return;
				}
			}
		}
	}

	private static void unwatchIfIdle(HeldBlock block) {
		synchronized (WATCHED) {
			if (!block.watching()) {
				WATCHED.remove(block);
			}
		}
	}

}
