package org.portreservation.boot;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.portreservation.PortReservation;

/**
 * Work done with one reserved block, run by
 * {@link PortReservationTemplate#execute(String, ReservationCallback)}.
 *
 * @param <T> what the work returns
 * @since 0.1.0
 */
@FunctionalInterface
public interface ReservationCallback<T extends @Nullable Object> {

	/**
	 * Works with the block, typically binding channels from it.
	 * @param reservation the block; the template owns it, so do not close it
	 * @return any result, or {@code null}
	 * @throws IOException if a socket operation fails; the template rethrows it unchecked
	 */
	T doWithReservation(PortReservation reservation) throws IOException;

}
