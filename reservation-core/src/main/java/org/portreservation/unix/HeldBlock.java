package org.portreservation.unix;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.portreservation.AbstractPortReservation;
import org.portreservation.PortBlock;
import org.portreservation.PortReservationException;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;

/**
 * A runtime block held by a placeholder per free port ({@link Placeholders}) and a
 * byte-range lock.
 * <p>
 * Our own channel sets SO_REUSEPORT and binds on top of the placeholder, so the port is
 * never unguarded (what that guarantees is stated in {@link org.portreservation}). A TCP
 * placeholder keeps its port while the channel is open: it neither listens nor connects,
 * so it takes no connections. So does a UDP placeholder where {@link DatagramSteering}
 * sends the port's datagrams to the channel; where it cannot, the placeholder would take
 * datagrams, so it is closed as soon as the channel is bound, and {@link Reguard} opens
 * it again when the channel has closed.
 */
final class HeldBlock extends AbstractPortReservation {

	private final long token;

	private final BlockLocks.BlockLock lock;

	private final Placeholders placeholders;

	private final BindRequest.Preparation prepareForChannel = this::prepareForChannel;

	/**
	 * The ports without a placeholder that can come back without a call to this
	 * reservation, each with how to tell that it has: a UDP port whose channel is open, a
	 * port that another socket still held when it came back. Written under this
	 * reservation's lock, read by {@link Reguard} without it.
	 */
	private final Map<Integer, BooleanSupplier> watched = new ConcurrentHashMap<>();

	private HeldBlock(PortBlock block, Placeholders placeholders, BlockLocks.BlockLock lock, long token) {
		super(block, false);
		this.placeholders = placeholders;
		this.lock = lock;
		this.token = token;
	}

	/**
	 * Holds the block, or leaves nothing behind and says which port was busy.
	 * @throws PortBusy if the lock or a port is taken
	 * @throws IOException if a placeholder fails for another reason
	 */
	static HeldBlock hold(BlockLocks locks, PortBlock block, long token) throws PortBusy, IOException {
		BlockLocks.BlockLock lock = locks.tryLock(block);
		if (lock == null) {
			throw new PortBusy(block.startPort(), true, null);
		}
		Placeholders placeholders = Placeholders.of(block);
		int port = block.startPort();
		try {
			for (; port <= block.endPort(); port++) {
				placeholders.bind(port, lock.excludesOtherInstances());
			}
			return new HeldBlock(block, placeholders, lock, token);
		}
		catch (BindException ex) {
			placeholders.closeAll();
			lock.release();
			throw new PortBusy(port, false, ex);
		}
		catch (IOException | RuntimeException | Error ex) {
			placeholders.closeAll();
			lock.release();
			throw ex;
		}
	}

	@Override
	public long token() {
		return this.token;
	}

	@Override
	protected int bindFromBlock(BindRequest request) throws IOException {
		NetworkChannel channel = request.channel();
		channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
		int port;
		try {
			// Only a same-user SO_REUSEPORT socket can refuse a candidate, so the next
			// may be free.
			port = request.bindToFirstFreeCandidate(this.prepareForChannel);
		}
		catch (BindException ex) {
			// The caller's channel stays usable, as it was handed in.
			channel.setOption(StandardSocketOptions.SO_REUSEPORT, false);
			throw ex;
		}
		if (protocol() == Protocol.UDP && this.placeholders.holds(port) && !this.placeholders.steered(port)) {
			unguard(port);
			watch(port, () -> !channel.isOpen());
		}
		return port;
	}

	/** Lets our channel bind over the placeholder, and its datagrams pass it. */
	private void prepareForChannel(int port) throws IOException {
		this.placeholders.allowReuse(port);
		this.placeholders.steerDatagrams(port);
	}

	@Override
	protected void prepareClaim(int port) {
		try {
			this.placeholders.allowReuse(port);
		}
		catch (IOException ex) {
			throw new PortReservationException("Port " + port + " of the " + this + " cannot be claimed: its guard "
					+ "cannot let another socket bind over it (" + ex.getMessage() + ")", ex);
		}
	}

	@Override
	protected void unguard(int port) {
		this.placeholders.close(port);
	}

	@Override
	protected boolean guard(int port) {
		if (!this.placeholders.holds(port)) {
			try {
				this.placeholders.bind(port, this.lock.excludesOtherInstances());
			}
			catch (IOException ex) {
				watch(port, () -> true);
				return false;
			}
		}
		this.watched.remove(port);
		return true;
	}

	/**
	 * Guards again the watched ports that came back; {@link Reguard} calls it without
	 * this reservation's lock.
	 */
	void reguard() {
		for (BooleanSupplier back : this.watched.values()) {
			if (back.getAsBoolean()) {
				// Every call that takes the lock takes back returned ports:
				// portsInUse costs only the ports in use.
				portsInUse();
				return;
			}
		}
	}

	/** Whether a port of the block is watched; {@link Reguard} drops the block if not. */
	boolean watching() {
		return !this.watched.isEmpty();
	}

	@Override
	protected void release() {
		this.placeholders.closeAll();
		this.lock.release();
		this.watched.clear();
	}

	private void watch(int port, BooleanSupplier back) {
		this.watched.put(port, back);
		Reguard.watch(this);
	}

	/**
	 * A block could not be held because a port, or another process's lock on it, is
	 * taken.
	 */
	static final class PortBusy extends Exception {

		private static final long serialVersionUID = 1L;

		private final int port;

		private final boolean locked;

		PortBusy(int port, boolean locked, @Nullable BindException cause) {
			super(null, cause, false, false);
			this.port = port;
			this.locked = locked;
		}

		/** The busy port: for a lock, the block's first port. */
		int port() {
			return this.port;
		}

		/** Whether another reservation's lock, rather than a socket, was in the way. */
		boolean locked() {
			return this.locked;
		}

		@Nullable BindException bindFailure() {
			return (BindException) getCause();
		}

	}

	@Override
	protected void checkClaimsSupported() {
		if (protocol() == Protocol.UDP) {
			throw new UnsupportedPlatformException("Ports of the " + this + " cannot be claimed: the guard of a UDP "
					+ "port would take the datagrams of a socket bound on top of it, and only bind(DatagramChannel, "
					+ "...) drops it in time; bind the channel from the block instead");
		}
	}

}
