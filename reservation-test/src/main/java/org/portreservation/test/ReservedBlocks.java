package org.portreservation.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.portreservation.PortReservation;

/**
 * The reserved blocks of one {@link ReservePorts} declaration, by name.
 * <p>
 * Tests get them as {@link ReservedPort} parameters, Spring tests also as a bean of the
 * application context. {@link #of(Class)} serves code that needs a port before any test
 * or context exists, such as a static Testcontainers {@code @Container} field with a
 * fixed host port. The blocks belong to whoever holds the declaration (test classes,
 * application contexts): released once the last of them is done, they are reserved anew
 * by the next.
 *
 * @since 0.1.0
 */
public final class ReservedBlocks {

	private final Declaration declaration;

	private final Map<String, PortReservation> reservations;

	ReservedBlocks(Declaration declaration, Map<String, PortReservation> reservations) {
		this.declaration = declaration;
		this.reservations = Collections.unmodifiableMap(new LinkedHashMap<>(reservations));
	}

	/**
	 * The blocks a test class declares, from the JVM-wide registry: those its test class
	 * or application context holds, or reserved now, which they then adopt. Equal
	 * declarations share them.
	 * @param testClass a class with {@link ReservePorts}, or a {@code @Nested} class of
	 * one
	 * @return the blocks
	 * @throws org.portreservation.InvalidReservationArgumentException if the class
	 * declares no blocks or a wrong one
	 * @throws org.portreservation.PortReservationException if a block cannot be reserved
	 */
	public static ReservedBlocks of(Class<?> testClass) {
		return BlockRegistry.blocks(Declaration.of(testClass));
	}

	/**
	 * The names of the blocks, in declaration order.
	 * @return the names
	 */
	public Set<String> names() {
		return this.reservations.keySet();
	}

	/**
	 * A block. A block declared with {@code handOff} has every port handed off, so
	 * nothing can be bound from it; on Windows it is released.
	 * @param name the block's name
	 * @return the block
	 * @throws IllegalArgumentException if no block has that name
	 */
	public PortReservation reservation(String name) {
		PortReservation reservation = this.reservations.get(name);
		if (reservation == null) {
			throw new IllegalArgumentException("No block is named '" + name + "' by the " + this.declaration.source()
					+ ": its blocks are " + names());
		}
		return reservation;
	}

	/**
	 * The first port of a block.
	 * @param name the block's name
	 * @return the port
	 * @throws IllegalArgumentException if no block has that name
	 */
	public int port(String name) {
		return port(name, 0);
	}

	/**
	 * A port of a block.
	 * @param name the block's name
	 * @param index which port, counted from the block's first
	 * @return the port
	 * @throws IllegalArgumentException if no block has that name or the index is outside
	 * it
	 */
	public int port(String name, int index) {
		PortReservation reservation = reservation(name);
		if (index < 0 || index >= reservation.numberOfPorts()) {
			throw new IllegalArgumentException(
					"Index " + index + " is outside the block '" + name + "' (" + reservation.block() + ") of the "
							+ this.declaration.source() + ": use 0 to " + (reservation.numberOfPorts() - 1));
		}
		return reservation.startPort() + index;
	}

	/**
	 * Whether a block's ports are handed off to servers the test does not control.
	 * @param name the block's name
	 * @return {@code true} if it is declared with {@code handOff}
	 * @throws IllegalArgumentException if no block has that name
	 */
	public boolean isHandedOff(String name) {
		reservation(name);
		return this.declaration.blocks().get(name).handOff();
	}

	Declaration declaration() {
		return this.declaration;
	}

	void release() {
		releaseAll(this.reservations.values(), null);
	}

	/**
	 * Releases every block even when one fails, adding failures to {@code failure}, or
	 * throwing the first when there is none to add to.
	 */
	static void releaseAll(Collection<PortReservation> reservations, @Nullable RuntimeException failure) {
		List<RuntimeException> failures = new ArrayList<>();
		for (PortReservation reservation : reservations) {
			try {
				reservation.close();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		if (failure != null) {
			failures.forEach(failure::addSuppressed);
		}
		else if (!failures.isEmpty()) {
			RuntimeException first = failures.remove(0);
			failures.forEach(first::addSuppressed);
			throw first;
		}
	}

	@Override
	public String toString() {
		List<String> blocks = new ArrayList<>();
		this.reservations.forEach((name, reservation) -> blocks.add(name + ": " + reservation.block()
				+ (this.declaration.blocks().get(name).handOff() ? " (handed off)" : "")));
		return String.join(", ", blocks);
	}

}
