package org.portreservation;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A block of contiguous ports held for this process, and the only way this library binds
 * sockets from it.
 * <p>
 * Binding a caller's unbound channel "from the block" is the portable form of Windows'
 * associate-then-bind: the port is never unguarded between the reservation and the bind.
 * A port whose channel is closed goes back to the block. Closing the reservation releases
 * the whole block; channels already bound from it stay open and keep their ports. Safe
 * for use by several threads. What a reservation guarantees on each platform is stated
 * once, in the {@linkplain org.portreservation package documentation}.
 * <p>
 * This type is the library's own: get one from {@link PortReservations}, do not implement
 * it. A backend extends {@link AbstractPortReservation}, the one type it permits.
 *
 * @since 0.1.0
 */
public sealed interface PortReservation extends AutoCloseable permits AbstractPortReservation {

	/**
	 * The block this reservation holds.
	 * @return the block, which names its ports
	 * @since 0.1.0
	 */
	PortBlock block();

	/**
	 * The protocol of the block's ports.
	 * @return TCP or UDP
	 */
	default Protocol protocol() {
		return block().protocol();
	}

	/**
	 * The first port of the block.
	 * @return a port between 1 and 65535
	 */
	default int startPort() {
		return block().startPort();
	}

	/**
	 * The number of ports in the block.
	 * @return at least 1
	 */
	default int numberOfPorts() {
		return block().numberOfPorts();
	}

	/**
	 * The last port of the block, inclusive.
	 * @return {@code startPort() + numberOfPorts() - 1}
	 */
	default int endPort() {
		return block().endPort();
	}

	/**
	 * The reservation's token: the kernel's on Windows, a process-unique number
	 * elsewhere. Persistent tokens may change at every reboot, so never store one.
	 * @return the token, never 0
	 */
	long token();

	/**
	 * Whether this is a handle on a persistent reservation, which outlives the process
	 * and is kept on close.
	 * @return {@code true} for a persistent reservation
	 */
	boolean persistent();

	/**
	 * Whether a port belongs to the block.
	 * @param port any number
	 * @return {@code true} if {@code startPort() <= port <= endPort()}
	 */
	default boolean contains(int port) {
		return block().contains(port);
	}

	/**
	 * Binds the caller's unbound TCP server channel to a port of the block and makes it
	 * listen.
	 * @param channel an open, unbound channel
	 * @param local the local address; its port 0 means any free port of the block, any
	 * other port must be in the block; {@code null} means the wildcard address and any
	 * free port
	 * @param backlog the listen backlog, 0 for the system default
	 * @return the address the channel is bound to
	 * @throws InvalidReservationArgumentException if the channel is bound or closed, the
	 * protocol is not TCP or the port is outside the block
	 * @throws PortsInUseException if the named port is already bound or leased
	 * @throws BlockExhaustedException if no port of the block is free
	 */
	InetSocketAddress bind(ServerSocketChannel channel, @Nullable InetSocketAddress local, int backlog);

	/**
	 * Binds the caller's unbound TCP channel to a port of the block, to connect from it.
	 * @param channel an open, unbound channel
	 * @param local the local address; port 0 means any free port of the block;
	 * {@code null} means the wildcard address and any free port
	 * @return the address the channel is bound to
	 * @see #bind(ServerSocketChannel, InetSocketAddress, int)
	 */
	InetSocketAddress bind(SocketChannel channel, @Nullable InetSocketAddress local);

	/**
	 * Binds the caller's unbound UDP channel to a port of the block.
	 * @param channel an open, unbound channel
	 * @param local the local address; port 0 means any free port of the block;
	 * {@code null} means the wildcard address and any free port
	 * @return the address the channel is bound to
	 * @see #bind(ServerSocketChannel, InetSocketAddress, int)
	 */
	InetSocketAddress bind(DatagramChannel channel, @Nullable InetSocketAddress local);

	/**
	 * Binds the caller's unbound TCP server channel to any free port of the block, on the
	 * wildcard address.
	 * @param channel an open, unbound channel
	 * @param backlog the listen backlog, 0 for the system default
	 * @return the address the channel is bound to
	 */
	default InetSocketAddress bind(ServerSocketChannel channel, int backlog) {
		return bind(channel, null, backlog);
	}

	/**
	 * Opens a TCP server channel listening on any free port of the block, on the wildcard
	 * address.
	 * @return the bound channel; the caller closes it
	 */
	default ServerSocketChannel openServerSocketChannel() {
		return openServerSocketChannel(0);
	}

	/**
	 * Opens a TCP server channel listening on a port of the block, on the wildcard
	 * address.
	 * @param port a port of the block, or 0 for any free one
	 * @return the bound channel; the caller closes it
	 */
	ServerSocketChannel openServerSocketChannel(int port);

	/**
	 * Opens a UDP channel bound to any free port of the block, on the wildcard address.
	 * @return the bound channel; the caller closes it
	 */
	default DatagramChannel openDatagramChannel() {
		return openDatagramChannel(0);
	}

	/**
	 * Opens a UDP channel bound to a port of the block, on the wildcard address.
	 * @param port a port of the block, or 0 for any free one
	 * @return the bound channel; the caller closes it
	 */
	DatagramChannel openDatagramChannel(int port);

	/**
	 * Leases any free port of the block for a process this one does not control, such as
	 * a child process or a container. The port stays guarded until
	 * {@link PortLease#handOff()}.
	 * @return the lease; closing it returns the port to the block
	 * @throws BlockExhaustedException if no port of the block is free
	 */
	default PortLease lease() {
		return lease(0);
	}

	/**
	 * Leases a named port of the block for a process this one does not control.
	 * @param port a port of the block, or 0 for any free one
	 * @return the lease; closing it returns the port to the block
	 * @throws PortsInUseException if the port is already bound or leased
	 * @throws BlockExhaustedException if {@code port} is 0 and no port of the block is
	 * free
	 */
	PortLease lease(int port);

	/**
	 * Claims a port of the block for a socket of this process that binds it itself
	 * because it cannot be handed to {@code bind}, such as Netty's native epoll, io_uring
	 * and kqueue channels: the socket sets {@code SO_REUSEPORT} and binds on top of the
	 * block's guard, which stays. The block reports the port in use, and neither binds
	 * nor leases it, until the claim is closed.
	 * @param port a port of the block, or 0 for any free one
	 * @return the claim, which names the port to bind; close it once the socket is closed
	 * or its bind failed
	 * @throws UnsupportedPlatformException on Windows, where only sockets associated with
	 * the reservation bind from it, and for a UDP block held by sockets, whose guard
	 * would take the socket's datagrams
	 * @throws PortsInUseException if the port is already bound, leased or claimed
	 * @throws BlockExhaustedException if {@code port} is 0 and no port of the block is
	 * free
	 * @since 0.1.0
	 */
	PortClaim claim(int port);

	/**
	 * The ports of the block that are free to bind or lease now.
	 * @return the ports in ascending order
	 */
	List<Integer> freePorts();

	/**
	 * The ports of the block bound by an open channel, leased, claimed, or handed off and
	 * not yet back.
	 * @return the ports in ascending order
	 */
	List<Integer> portsInUse();

	/**
	 * What each port of the block that is not free is in use for: the ports of
	 * {@link #portsInUse()} with their use.
	 * @return an unmodifiable map in ascending port order, empty once closed
	 * @since 0.1.0
	 */
	Map<Integer, PortUse> portUses();

	/**
	 * Whether the reservation is still held.
	 * @return {@code false} once closed
	 */
	boolean isOpen();

	/**
	 * Releases the block. Idempotent; channels bound from the block stay open. A
	 * persistent reservation itself is kept: only this process's hold on it ends.
	 */
	@Override
	void close();

}
