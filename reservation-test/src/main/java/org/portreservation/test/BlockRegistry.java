package org.portreservation.test;

import java.util.HashMap;
import java.util.Map;

import org.portreservation.PortReservations;

/**
 * The JVM-wide blocks of each declaration, so that a test class, its application context
 * and static fields initialised before either get the same ports. Holders (test classes,
 * contexts) claim a declaration's blocks and release them; the last release releases the
 * blocks. Blocks reserved for a static field before anyone holds them wait for a holder,
 * or the JVM's exit.
 */
final class BlockRegistry {

	private static final Map<Declaration, Held> HELD = new HashMap<>();

	private BlockRegistry() {
	}

	/** The declaration's blocks, reserved now if no one holds them, without a claim. */
	static synchronized ReservedBlocks blocks(Declaration declaration) {
		return held(declaration).blocks;
	}

	/**
	 * The declaration's blocks, reserved now if no one holds them, held until released.
	 */
	static synchronized ReservedBlocks claim(Declaration declaration) {
		Held held = held(declaration);
		held.holders++;
		return held.blocks;
	}

	/** Ends a claim; the last one releases the blocks. */
	static synchronized void release(ReservedBlocks blocks) {
		Held held = HELD.get(blocks.declaration());
		if (held == null || held.blocks != blocks) {
			return;
		}
		held.holders--;
		if (held.holders == 0) {
			HELD.remove(blocks.declaration());
			blocks.release();
		}
	}

	private static Held held(Declaration declaration) {
		return HELD.computeIfAbsent(declaration, (key) -> new Held(key.reserve(PortReservations.forCurrentPlatform())));
	}

	private static final class Held {

		private final ReservedBlocks blocks;

		private int holders;

		Held(ReservedBlocks blocks) {
			this.blocks = blocks;
		}

	}

}
