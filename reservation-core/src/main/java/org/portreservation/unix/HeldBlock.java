package org.portreservation.unix;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.portreservation.AbstractPortReservation;
import org.portreservation.PortBlock;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;

/**
 * A runtime block held by one placeholder socket per free port and a byte-range lock.
 * <p>
 * A placeholder is bound to the wildcard address without SO_REUSEADDR or SO_REUSEPORT, so
 * that it cannot be bound over any socket already there, a placeholder of another process
 * included; it sets SO_REUSEPORT only once bound (what that guarantees is stated in
 * {@link org.portreservation}). Our own channel sets SO_REUSEPORT too and binds on top of
 * the placeholder, so the port is never unguarded. A TCP placeholder keeps its port after
 * the hand-off (it neither listens nor connects, so it takes no connections); a UDP
 * placeholder would take datagrams, so it is closed as soon as the real channel is bound,
 * and opened again when the port comes back.
 */
final class HeldBlock extends AbstractPortReservation {

	private final long token;

	private final BlockLocks.BlockLock lock;

	/**
	 * Placeholder per port, index {@code port - startPort}; {@code null} where none is
	 * held.
	 */
	private final @Nullable NetworkChannel[] placeholders;

	/**
	 * How many ports have no placeholder, read by {@link Reguard} without this
	 * reservation's lock.
	 */
	private final AtomicInteger unguarded = new AtomicInteger();

	private HeldBlock(PortBlock block, @Nullable NetworkChannel[] placeholders, BlockLocks.BlockLock lock, long token) {
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
		@Nullable NetworkChannel[] placeholders = new NetworkChannel[block.numberOfPorts()];
		int port = block.startPort();
		try {
			for (; port <= block.endPort(); port++) {
				placeholders[port - block.startPort()] = openPlaceholder(block.protocol(), port, lock);
			}
			return new HeldBlock(block, placeholders, lock, token);
		}
		catch (BindException ex) {
			closeAll(placeholders);
			lock.release();
			throw new PortBusy(port, false, ex);
		}
		catch (IOException | RuntimeException | Error ex) {
			closeAll(placeholders);
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
			port = request.bindToFirstFreeCandidate();
		}
		catch (BindException ex) {
			// The caller's channel stays usable, as it was handed in.
			channel.setOption(StandardSocketOptions.SO_REUSEPORT, false);
			throw ex;
		}
		if (protocol() == Protocol.UDP) {
			unguard(port);
		}
		return port;
	}

	@Override
	protected void unguard(int port) {
		int index = port - startPort();
		if (this.placeholders[index] != null) {
			close(this.placeholders[index]);
			this.placeholders[index] = null;
			this.unguarded.incrementAndGet();
			Reguard.watch(this);
		}
	}

	@Override
	protected boolean guard(int port) {
		int index = port - startPort();
		if (this.placeholders[index] != null) {
			return true;
		}
		try {
			this.placeholders[index] = openPlaceholder(protocol(), port, this.lock);
			this.unguarded.decrementAndGet();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Guards the ports that came back since the last look.
	 * @return whether the block still has unguarded ports to watch
	 */
	boolean reguard() {
		if (!isOpen()) {
			return false;
		}
		freePorts();
		return this.unguarded.get() > 0;
	}

	@Override
	protected void release() {
		closeAll(this.placeholders);
		this.lock.release();
	}

	private static NetworkChannel openPlaceholder(Protocol protocol, int port, BlockLocks.BlockLock lock)
			throws IOException {
		try {
			return bindPlaceholder(protocol, port, false);
		}
		catch (BindException ex) {
			if (protocol != Protocol.TCP || !lock.excludesOtherInstances() || TimeWait.only(port).isEmpty()) {
				throw ex;
			}
			// Only closed connections of a SO_REUSEPORT server (every server bound from a
			// block is one) sit there: a placeholder that sets SO_REUSEPORT before it
			// binds
			// binds over them, while live sockets of other users still conflict
			// (inet_bind_conflict). Only under the lock, as a second instance would pass
			// too.
			try {
				return bindPlaceholder(protocol, port, true);
			}
			catch (BindException stillBusy) {
				ex.addSuppressed(stillBusy);
				throw ex;
			}
		}
	}

	private static NetworkChannel bindPlaceholder(Protocol protocol, int port, boolean overTimeWait)
			throws IOException {
		NetworkChannel channel = (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
		try {
			channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
			// Bound without SO_REUSEPORT (but over TIME_WAIT), so the bind fails on any
			// port already held, even by another instance of this library; set
			// afterwards, so our own channels can bind on top of it.
			channel.setOption(StandardSocketOptions.SO_REUSEPORT, overTimeWait);
			channel.bind(new InetSocketAddress(port));
			channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			return channel;
		}
		catch (IOException | RuntimeException | Error ex) {
			close(channel);
			throw ex;
		}
	}

	private static void closeAll(@Nullable NetworkChannel[] channels) {
		for (int i = 0; i < channels.length; i++) {
			close(channels[i]);
			channels[i] = null;
		}
	}

	private static void close(@Nullable NetworkChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// The descriptor is released even when close reports an error.
			}
		}
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
