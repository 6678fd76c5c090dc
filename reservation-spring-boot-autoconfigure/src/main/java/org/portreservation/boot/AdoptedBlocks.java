package org.portreservation.boot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.portreservation.PortReservation;

/**
 * Blocks reserved before the application context by their owner, such as a test's
 * {@code @ReservePorts}: as a bean, the context's {@link PortReservationTemplate} names
 * them beside the configured blocks (in place of a configured block of the same name),
 * and {@code portreservation.server.block} and {@code portreservation.management.block}
 * may name them, but only their owner releases them.
 *
 * @since 0.1.0
 */
public final class AdoptedBlocks {

	private static final AdoptedBlocks NONE = new AdoptedBlocks("nobody", Map.of());

	private final String owner;

	private final Map<String, PortReservation> reservations;

	/**
	 * Creates the adopted blocks.
	 * @param owner who reserved them and releases them, for messages
	 * @param reservations the blocks by name, in the order to report them
	 */
	public AdoptedBlocks(String owner, Map<String, ? extends PortReservation> reservations) {
		this.owner = owner;
		this.reservations = Collections.unmodifiableMap(new LinkedHashMap<>(reservations));
	}

	/**
	 * No adopted blocks.
	 * @return an empty instance
	 */
	public static AdoptedBlocks none() {
		return NONE;
	}

	/**
	 * Who reserved the blocks and releases them.
	 * @return for example {@code @ReservePorts on com.example.MyTests}
	 */
	public String getOwner() {
		return this.owner;
	}

	/**
	 * The blocks by name.
	 * @return an unmodifiable map from name to block
	 */
	public Map<String, PortReservation> getReservations() {
		return this.reservations;
	}

}
