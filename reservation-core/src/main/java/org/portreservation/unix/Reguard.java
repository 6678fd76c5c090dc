package org.portreservation.unix;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Guards ports again soon after they come back without a placeholder: a UDP port whose
 * channel was closed, a lease handed off and ended. Java tells no one when a channel
 * closes, so a daemon thread looks every {@value #INTERVAL_MILLIS} ms while such ports
 * exist, and stops when none are left.
 */
final class Reguard {

	static final long INTERVAL_MILLIS = 20;

	private static final Set<HeldBlock> WATCHED = new LinkedHashSet<>();

	private static @Nullable Thread sweeper;

	private Reguard() {
	}

	/** Watches a block until it has no unguarded port left or is closed. */
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
				if (!block.reguard()) {
					synchronized (WATCHED) {
						WATCHED.remove(block);
					}
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

}
