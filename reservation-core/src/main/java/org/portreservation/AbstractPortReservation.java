package org.portreservation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping every backend shares: which port of the block is bound, leased, claimed
 * or handed off, argument checks, and the order of operations; a backend supplies only
 * how a port is guarded and how a channel is bound from it.
 * <p>
 * All hooks run while this reservation's lock is held, so a backend needs no locking of
 * its own per block.
 *
 * <p>
 * For backends only: applications use {@link PortReservation} and get instances from
 * {@link PortReservations}.
 *
 * @since 0.1.0
 */
public abstract non-sealed class AbstractPortReservation implements PortReservation {

	/**
	 * Marks a port that came back from a channel or a lease but could not be guarded
	 * again yet.
	 */
	private static final Object RETURNING = new Object() {

		@Override
		public String toString() {
			return "taken by another socket since it was returned";
		}

	};

	private final PortBlock block;

	private final boolean persistent;

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * Port to its user: an open {@link NetworkChannel}, a {@link PortLease}, a
	 * {@link PortClaim}, or {@link #RETURNING}.
	 */
	private final Map<Integer, Object> users = new TreeMap<>();

	private final Set<PortLease> handedOff = new HashSet<>();

	private boolean closed;

	/**
	 * Creates the bookkeeping for a block the backend already holds.
	 * @param block the block, which names its ports
	 * @param persistent whether it is a handle on a persistent reservation
	 */
	protected AbstractPortReservation(PortBlock block, boolean persistent) {
		if (block.isAnyFree()) {
			throw new IllegalArgumentException("A reservation holds a block that names its ports, not the " + block);
		}
		this.block = block;
		this.persistent = persistent;
	}

	@Override
	public final PortBlock block() {
		return this.block;
	}

	@Override
	public final boolean persistent() {
		return this.persistent;
	}

	@Override
	public final InetSocketAddress bind(ServerSocketChannel channel, @Nullable InetSocketAddress local, int backlog) {
		if (backlog < 0) {
			throw new InvalidReservationArgumentException(
					"backlog must be 0 (the system default) or a positive number, was " + backlog);
		}
		return bindChannel(channel, Protocol.TCP, local, (address) -> channel.bind(address, backlog));
	}

	@Override
	public final InetSocketAddress bind(SocketChannel channel, @Nullable InetSocketAddress local) {
		return bindChannel(channel, Protocol.TCP, local, channel::bind);
	}

	@Override
	public final InetSocketAddress bind(DatagramChannel channel, @Nullable InetSocketAddress local) {
		return bindChannel(channel, Protocol.UDP, local, channel::bind);
	}

	@Override
	public final ServerSocketChannel openServerSocketChannel(int port) {
		checkPortArgument(port);
		return openBound(ServerSocketChannel::open, (channel) -> bind(channel, new InetSocketAddress(port), 0));
	}

	@Override
	public final DatagramChannel openDatagramChannel(int port) {
		checkPortArgument(port);
		return openBound(DatagramChannel::open, (channel) -> bind(channel, new InetSocketAddress(port)));
	}

	@Override
	public final PortLease lease(int port) {
		checkPortArgument(port);
		this.lock.lock();
		try {
			int chosen = choosePorts(port)[0];
			PortLease lease = new PortLease(this, chosen);
			this.users.put(chosen, lease);
			return lease;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public final PortClaim claim(int port) {
		checkPortArgument(port);
		this.lock.lock();
		try {
			checkClaimsSupported();
			int chosen = choosePorts(port)[0];
			prepareClaim(chosen);
			PortClaim claim = new PortClaim(this, chosen);
			this.users.put(chosen, claim);
			return claim;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public final List<Integer> freePorts() {
		this.lock.lock();
		try {
			return this.closed ? List.of() : new PortList(freePortsLocked());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public final List<Integer> portsInUse() {
		this.lock.lock();
		try {
			if (this.closed) {
				return List.of();
			}
			reclaim();
			return List.copyOf(this.users.keySet());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public final Map<Integer, PortUse> portUses() {
		this.lock.lock();
		try {
			if (this.closed) {
				return Map.of();
			}
			reclaim();
			Map<Integer, PortUse> uses = new TreeMap<>();
			this.users.forEach((port, user) -> uses.put(port, use(user)));
			return Collections.unmodifiableMap(uses);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public final boolean isOpen() {
		this.lock.lock();
		try {
			return !this.closed;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public final void close() {
		this.lock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.users.clear();
			this.handedOff.clear();
			release();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public String toString() {
		return this.block + (this.persistent ? " (persistent)" : "");
	}

	/**
	 * Binds the request's channel to a port of the block: to {@link BindRequest#port()},
	 * or when that is 0 to a free port of the backend's or the kernel's choosing among
	 * {@link BindRequest#candidates()}.
	 * @param request the channel, address and port
	 * @return the port the channel is now bound to
	 * @throws IOException if the operating system refuses
	 */
	protected abstract int bindFromBlock(BindRequest request) throws IOException;

	/**
	 * Drops the guard of a free port so that a process this one does not control can bind
	 * it.
	 * @param port a port of the block
	 * @throws PortReservationException if no other process can bind from this block; the
	 * lease stays as it was
	 */
	protected abstract void unguard(int port);

	/**
	 * Guards again a port that came back from a closed channel or an ended lease.
	 * @param port a port of the block
	 * @return {@code true} if it is guarded now, {@code false} if another socket still
	 * holds it (tried again later)
	 */
	protected abstract boolean guard(int port);

	/**
	 * Releases the block: every guard, lock and kernel reservation. Called once.
	 */
	protected abstract void release();

	/**
	 * Refuses {@link #claim claims} where a socket of this process cannot bind a port of
	 * the block itself while the block keeps guarding it.
	 * @throws UnsupportedPlatformException naming what to use instead
	 */
	protected abstract void checkClaimsSupported();

	/**
	 * Readies a free port for the socket of a claim, which binds over the port's guard.
	 * @param port the port being claimed
	 * @throws PortReservationException if it cannot be readied; nothing is claimed
	 */
	protected abstract void prepareClaim(int port);

	/**
	 * Maps a failure of {@link #bindFromBlock} to this library's exceptions.
	 * @param request what was being bound
	 * @param failure what the operating system said
	 * @return the exception to throw
	 */
	protected PortReservationException bindFailure(BindRequest request, IOException failure) {
		String target = (request.port() != 0) ? "port " + request.port() + " of " + this : "a port of " + this;
		return new PortReservationException("Could not bind " + target + ": " + failure.getMessage(), failure);
	}

	void handOff(PortLease lease) {
		this.lock.lock();
		try {
			if (this.users.get(lease.port()) == lease && !this.handedOff.contains(lease)) {
				unguard(lease.port());
				this.handedOff.add(lease);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean isHandedOff(PortLease lease) {
		this.lock.lock();
		try {
			return this.handedOff.contains(lease);
		}
		finally {
			this.lock.unlock();
		}
	}

	void endLease(PortLease lease) {
		this.lock.lock();
		try {
			if (this.users.get(lease.port()) != lease) {
				return;
			}
			this.users.remove(lease.port());
			if (this.handedOff.remove(lease) && !guard(lease.port())) {
				this.users.put(lease.port(), RETURNING);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	void endClaim(PortClaim claim) {
		this.lock.lock();
		try {
			// The guard stayed under the claimed socket: the port is free again as it is.
			this.users.remove(claim.port(), claim);
		}
		finally {
			this.lock.unlock();
		}
	}

	private InetSocketAddress bindChannel(NetworkChannel channel, Protocol expected, @Nullable InetSocketAddress local,
			SocketBinder binder) {
		checkChannel(channel, expected);
		if (local != null && local.isUnresolved()) {
			throw new InvalidReservationArgumentException(
					"local address must be resolved, was the unresolved host " + local.getHostString());
		}
		int port = (local != null) ? local.getPort() : 0;
		checkPortArgument(port);
		@Nullable InetAddress address = (local != null) ? local.getAddress() : null;
		this.lock.lock();
		try {
			BindRequest request = new BindRequest(channel, address, port, choosePorts(port), leasedPorts(), binder);
			int bound;
			try {
				bound = bindFromBlock(request);
			}
			catch (IOException ex) {
				throw bindFailure(request, ex);
			}
			this.users.put(bound, channel);
			return Objects.requireNonNull(localAddress(channel), "bound channel has an address");
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The named port if it is free, or every free port for 0, in ascending order; call
	 * with the lock held.
	 * @throws PortsInUseException if the named port is taken
	 * @throws BlockExhaustedException if no port is free
	 */
	private int[] choosePorts(int port) {
		if (port != 0) {
			ensureOpen();
			reclaim();
			Object user = this.users.get(port);
			if (user != null) {
				throw new PortsInUseException("Port " + port + " of " + this + " is already " + describe(user)
						+ " in this process; close its channel, lease or claim first, or ask for port 0 to get any "
						+ "free port of the block", port, ProcessHandle.current().pid(), null);
			}
			return new int[] { port };
		}
		int[] free = freePortsLocked();
		if (free.length == 0) {
			throw new BlockExhaustedException("All " + this.block.numberOfPorts() + " ports of " + this
					+ " are bound, leased or claimed by this process (" + describeUsers()
					+ "); close a channel, a lease or a claim to free a port, or reserve a larger block");
		}
		return free;
	}

	/** The free ports in ascending order; call with the lock held. */
	private int[] freePortsLocked() {
		ensureOpen();
		reclaim();
		int[] free = new int[this.block.numberOfPorts() - this.users.size()];
		int next = 0;
		int port = this.block.startPort();
		// The ports in use, in ascending order: the free ones are the gaps between them.
		for (int used : this.users.keySet()) {
			while (port < used) {
				free[next++] = port++;
			}
			port = used + 1;
		}
		while (port <= endPort()) {
			free[next++] = port++;
		}
		return free;
	}

	private List<Integer> leasedPorts() {
		List<Integer> leased = List.of();
		for (Map.Entry<Integer, Object> entry : this.users.entrySet()) {
			if (entry.getValue() instanceof PortLease) {
				if (leased.isEmpty()) {
					leased = new ArrayList<>();
				}
				leased.add(entry.getKey());
			}
		}
		return leased;
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new PortReservationException("The " + this + " is closed: acquire a new reservation to bind from");
		}
	}

	/** Takes back the ports of closed channels; call with the lock held. */
	private void reclaim() {
		for (Iterator<Map.Entry<Integer, Object>> entries = this.users.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<Integer, Object> entry = entries.next();
			Object user = entry.getValue();
			boolean returned = (user == RETURNING) || (user instanceof NetworkChannel channel && !channel.isOpen());
			if (returned) {
				if (guard(entry.getKey())) {
					entries.remove();
				}
				else {
					entry.setValue(RETURNING);
				}
			}
		}
	}

	private String describeUsers() {
		List<String> descriptions = new ArrayList<>();
		this.users.forEach((port, user) -> descriptions.add(port + ": " + describe(user)));
		return String.join(", ", descriptions);
	}

	private String describe(Object user) {
		return switch (use(user)) {
			case BOUND -> "bound";
			case LEASED -> "leased";
			case HANDED_OFF -> "handed off";
			case CLAIMED -> "claimed";
			case RETURNING -> RETURNING.toString();
		};
	}

	private PortUse use(Object user) {
		if (user instanceof PortLease lease) {
			return this.handedOff.contains(lease) ? PortUse.HANDED_OFF : PortUse.LEASED;
		}
		if (user instanceof PortClaim) {
			return PortUse.CLAIMED;
		}
		return (user == RETURNING) ? PortUse.RETURNING : PortUse.BOUND;
	}

	private void checkPortArgument(int port) {
		if (port != 0 && !contains(port)) {
			throw new InvalidReservationArgumentException("port " + port + " is outside the " + this
					+ ": use 0 for any free port of the block or a port between " + this.block.startPort() + " and "
					+ endPort());
		}
	}

	private void checkChannel(NetworkChannel channel, Protocol expected) {
		if (channel == null) {
			throw new InvalidReservationArgumentException("channel must not be null");
		}
		if (expected != this.block.protocol()) {
			throw new InvalidReservationArgumentException("A " + channel.getClass().getSimpleName() + " uses "
					+ expected + " but this is a " + this + ": bind "
					+ (expected == Protocol.TCP ? "DatagramChannels" : "ServerSocketChannels and SocketChannels")
					+ " from it, or acquire a " + expected + " block");
		}
		if (!channel.isOpen()) {
			throw new InvalidReservationArgumentException("channel must be open, was closed");
		}
		SocketAddress bound = localAddress(channel);
		if (bound != null) {
			throw new InvalidReservationArgumentException("channel must be unbound, was bound to " + bound);
		}
	}

	private static @Nullable InetSocketAddress localAddress(NetworkChannel channel) {
		try {
			return (InetSocketAddress) channel.getLocalAddress();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static <C extends NetworkChannel> C openBound(ChannelOpener<C> opener,
			java.util.function.Consumer<C> binder) {
		C channel;
		try {
			channel = opener.open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open a channel", ex);
		}
		try {
			binder.accept(channel);
			return channel;
		}
		catch (RuntimeException | Error ex) {
			try {
				channel.close();
			}
			catch (IOException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw ex;
		}
	}

	private interface ChannelOpener<C extends NetworkChannel> {

		C open() throws IOException;

	}

	/**
	 * Binds a channel to a local address: {@code bind(address)} or
	 * {@code bind(address, backlog)}.
	 */
	@FunctionalInterface
	interface SocketBinder {

		void bind(InetSocketAddress address) throws IOException;

	}

	/**
	 * One bind from the block: the caller's channel, the address and port asked for, and
	 * the free ports.
	 */
	protected static final class BindRequest {

		private final NetworkChannel channel;

		private final @Nullable InetAddress address;

		private final int port;

		private final int[] candidates;

		private final List<Integer> leasedPorts;

		private final SocketBinder binder;

		BindRequest(NetworkChannel channel, @Nullable InetAddress address, int port, int[] candidates,
				List<Integer> leasedPorts, SocketBinder binder) {
			this.channel = channel;
			this.address = address;
			this.port = port;
			this.candidates = candidates;
			this.leasedPorts = Collections.unmodifiableList(leasedPorts);
			this.binder = binder;
		}

		/**
		 * The caller's unbound channel.
		 * @return the channel
		 */
		public NetworkChannel channel() {
			return this.channel;
		}

		/**
		 * The port asked for.
		 * @return a port of the block, or 0 for any free one
		 */
		public int port() {
			return this.port;
		}

		/**
		 * The free ports of the block, in ascending order: just {@link #port()} when a
		 * port was named.
		 * @return at least one port
		 */
		public List<Integer> candidates() {
			return new PortList(this.candidates);
		}

		/**
		 * The ports of the block that are leased or handed off: taken for this
		 * reservation, yet free as far as the kernel knows, so a backend whose kernel
		 * chooses the port must keep its choice away from them.
		 * @return the ports in ascending order, often none
		 */
		public List<Integer> leasedPorts() {
			return this.leasedPorts;
		}

		/**
		 * Binds the channel to the first of the {@link #candidates()} that the operating
		 * system accepts.
		 * @return the port the channel is now bound to
		 * @throws BindException the first refusal, if every candidate is refused
		 * @throws IOException if the operating system fails otherwise
		 */
		public int bindToFirstFreeCandidate() throws IOException {
			return bindToFirstFreeCandidate((port) -> {
			});
		}

		/**
		 * Binds the channel to the first of the {@link #candidates()} that the operating
		 * system accepts, preparing each port before the channel tries it.
		 * @param beforeEach what the backend does to a port before the bind, such as
		 * letting the channel bind over its guard
		 * @return the port the channel is now bound to
		 * @throws BindException the first refusal, if every candidate is refused
		 * @throws IOException if the operating system fails otherwise
		 */
		public int bindToFirstFreeCandidate(Preparation beforeEach) throws IOException {
			@Nullable BindException failure = null;
			for (int port : this.candidates) {
				beforeEach.prepare(port);
				try {
					bindTo(port);
					return port;
				}
				catch (BindException ex) {
					if (failure == null) {
						failure = ex;
					}
				}
			}
			throw failure;
		}

		/**
		 * Binds the channel, on the address asked for (the wildcard if none), to a port.
		 * @param port the port, or 0 to let the kernel choose
		 * @throws IOException if the operating system refuses
		 */
		public void bindTo(int port) throws IOException {
			this.binder
				.bind((this.address != null) ? new InetSocketAddress(this.address, port) : new InetSocketAddress(port));
		}

		/**
		 * What a backend does to a port of the block before a channel tries it.
		 */
		@FunctionalInterface
		public interface Preparation {

			/**
			 * Readies the port.
			 * @param port a candidate port
			 * @throws IOException if the operating system fails; the bind is not tried
			 */
			void prepare(int port) throws IOException;

		}

	}

	/**
	 * Ports held in an array, read as an unmodifiable list without boxing them all.
	 */
	private static final class PortList extends AbstractList<Integer> implements RandomAccess {

		private final int[] ports;

		PortList(int[] ports) {
			this.ports = ports;
		}

		@Override
		public Integer get(int index) {
			return this.ports[index];
		}

		@Override
		public int size() {
			return this.ports.length;
		}

	}

}
