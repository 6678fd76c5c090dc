package org.portreservation.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * Binds sockets from named, already reserved blocks and acquires further blocks, owning
 * every block it holds: closing the template releases them all. In a Spring application
 * the context closes it, so the blocks live exactly as long as the context.
 * <p>
 * Channels and leases opened through the template belong to the caller, who closes them;
 * a closed channel's port goes back to its block.
 *
 * @since 0.1.0
 */
public class PortReservationTemplate implements AutoCloseable {

	private final PortReservations portReservations;

	private final Map<String, PortReservation> reservations;

	private final List<PortReservation> owned;

	private final List<PortReservation> acquired = new ArrayList<>();

	private boolean closed;

	/**
	 * Creates a template without named blocks, for ad-hoc {@link #acquire acquisitions}.
	 * @param portReservations the backend to acquire from
	 */
	public PortReservationTemplate(PortReservations portReservations) {
		this(portReservations, Map.of());
	}

	/**
	 * Creates a template that takes ownership of already reserved, named blocks.
	 * @param portReservations the backend to acquire further blocks from
	 * @param reservations the blocks by name, in the order to report them
	 */
	public PortReservationTemplate(PortReservations portReservations,
			Map<String, ? extends PortReservation> reservations) {
		this(portReservations, reservations, AdoptedBlocks.none());
	}

	/**
	 * Creates a template that takes ownership of already reserved, named blocks, and
	 * names adopted blocks after them, which their owner releases.
	 * @param portReservations the backend to acquire further blocks from
	 * @param reservations the blocks by name, in the order to report them
	 * @param adopted blocks reserved by someone else, such as a test
	 */
	public PortReservationTemplate(PortReservations portReservations,
			Map<String, ? extends PortReservation> reservations, AdoptedBlocks adopted) {
		this.portReservations = portReservations;
		Map<String, PortReservation> named = new LinkedHashMap<>(reservations);
		named.putAll(adopted.getReservations());
		this.reservations = Collections.unmodifiableMap(named);
		this.owned = List.copyOf(reservations.values());
	}

	/**
	 * The backend this template acquires from.
	 * @return the backend
	 */
	public PortReservations getPortReservations() {
		return this.portReservations;
	}

	/**
	 * The named blocks, in configuration order.
	 * @return an unmodifiable map from name to block
	 */
	public Map<String, PortReservation> getReservations() {
		return this.reservations;
	}

	/**
	 * The block of a name.
	 * @param name the block's name, as configured under {@code portreservation.blocks}
	 * @return the block
	 * @throws UnknownBlockException if no reserved block has that name
	 */
	public PortReservation getReservation(String name) {
		PortReservation reservation = this.reservations.get(name);
		if (reservation == null) {
			throw new UnknownBlockException(name, this.reservations.keySet());
		}
		return reservation;
	}

	/**
	 * Acquires a further runtime block, released when the template is closed.
	 * @param protocol the protocol whose ports to reserve
	 * @param startPort the first port, or 0 for any free block
	 * @param numberOfPorts how many contiguous ports
	 * @return the block; closing it earlier is allowed
	 * @see PortReservations#acquire(Protocol, int, int)
	 */
	public PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts) {
		synchronized (this.acquired) {
			if (this.closed) {
				throw new PortReservationException("This PortReservationTemplate is closed (its application context "
						+ "has been closed): it acquires no more blocks");
			}
			PortReservation reservation = this.portReservations.acquire(protocol, startPort, numberOfPorts);
			this.acquired.add(reservation);
			return reservation;
		}
	}

	/**
	 * Opens a TCP server channel listening on any free port of a named block.
	 * @param block the block's name
	 * @return the bound channel; the caller closes it
	 */
	public ServerSocketChannel openServerSocketChannel(String block) {
		return getReservation(block).openServerSocketChannel();
	}

	/**
	 * Opens a TCP server channel listening on a port of a named block.
	 * @param block the block's name
	 * @param port a port of the block, or 0 for any free one
	 * @return the bound channel; the caller closes it
	 */
	public ServerSocketChannel openServerSocketChannel(String block, int port) {
		return getReservation(block).openServerSocketChannel(port);
	}

	/**
	 * Opens a UDP channel bound to any free port of a named block.
	 * @param block the block's name
	 * @return the bound channel; the caller closes it
	 */
	public DatagramChannel openDatagramChannel(String block) {
		return getReservation(block).openDatagramChannel();
	}

	/**
	 * Opens a UDP channel bound to a port of a named block.
	 * @param block the block's name
	 * @param port a port of the block, or 0 for any free one
	 * @return the bound channel; the caller closes it
	 */
	public DatagramChannel openDatagramChannel(String block, int port) {
		return getReservation(block).openDatagramChannel(port);
	}

	/**
	 * Leases any free port of a named block for a process this one does not control.
	 * @param block the block's name
	 * @return the lease; closing it returns the port
	 * @see PortReservation#lease()
	 */
	public PortLease lease(String block) {
		return getReservation(block).lease();
	}

	/**
	 * Leases a port of a named block for a process this one does not control.
	 * @param block the block's name
	 * @param port a port of the block, or 0 for any free one
	 * @return the lease; closing it returns the port
	 * @see PortReservation#lease(int)
	 */
	public PortLease lease(String block, int port) {
		return getReservation(block).lease(port);
	}

	/**
	 * Runs work with a named block.
	 * @param <T> what the work returns
	 * @param block the block's name
	 * @param callback the work
	 * @return what the callback returned
	 * @throws UncheckedIOException if the callback throws an {@link IOException}
	 */
	public <T extends @Nullable Object> T execute(String block, ReservationCallback<T> callback) {
		PortReservation reservation = getReservation(block);
		try {
			return callback.doWithReservation(reservation);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("I/O failure with the block '" + block + "' (" + reservation + ")", ex);
		}
	}

	/**
	 * Releases every block the template holds: the named ones (unless
	 * {@link #releasesNamedBlocks()} says otherwise), but for adopted ones, and those it
	 * acquired. Idempotent.
	 */
	@Override
	public void close() {
		List<PortReservation> toClose;
		synchronized (this.acquired) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			toClose = releasesNamedBlocks() ? new ArrayList<>(this.owned) : new ArrayList<>();
			toClose.addAll(this.acquired);
			this.acquired.clear();
		}
		closeAll(toClose);
	}

	/**
	 * Whether {@link #close()} releases the named blocks too, as it does unless they
	 * outlive the template, as blocks kept across DevTools restarts do.
	 * @return {@code true}
	 */
	protected boolean releasesNamedBlocks() {
		return true;
	}

	/**
	 * Closes every block even when some fail, then reports the first failure.
	 * @param reservations the blocks to close
	 */
	private static void closeAll(Iterable<PortReservation> reservations) {
		RuntimeException failure = null;
		for (PortReservation reservation : reservations) {
			try {
				reservation.close();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
