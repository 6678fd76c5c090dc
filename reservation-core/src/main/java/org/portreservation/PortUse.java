package org.portreservation;

import java.util.Locale;

/**
 * What a port of a block is in use for, as {@link PortReservation#portUses()} reports it,
 * so that operators can tell this process's own sockets from ports lent out.
 * <p>
 * Later versions may add uses: treat one this code does not know as in use.
 *
 * @since 0.1.0
 */
public enum PortUse {

	/** Bound by an open channel of this process. */
	BOUND,

	/** Leased for another process and still guarded. */
	LEASED,

	/** Leased and handed off: unguarded for the other process, or bound by it. */
	HANDED_OFF,

	/**
	 * Claimed by a native socket of this process that binds on top of the guard itself,
	 * such as Netty's epoll server channel.
	 */
	CLAIMED,

	/**
	 * Back from a channel or a lease, but another socket has held it since, so it cannot
	 * be guarded again yet.
	 */
	RETURNING;

	/**
	 * The lower-case name used in messages and reports.
	 * @return for example {@code bound} or {@code handed-off}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
