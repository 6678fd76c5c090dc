/**
 * Port reservations: blocks of contiguous TCP or UDP ports held for this process, and the
 * only way this library binds sockets from them.
 *
 * <h2>Why blocks</h2> Picking a "free" port and binding it later is a race: between the
 * probe and the bind, another process, a parallel test fork or an outgoing connection's
 * source port can take it. A reservation closes that window: it holds the ports from
 * {@link org.portreservation.PortReservations#acquire acquire} until
 * {@link org.portreservation.PortReservation#close close}, and a channel is bound "from
 * the block" so the port goes straight from the guard to the channel. A block of several
 * ports serves a service that needs companion ports.
 *
 * <h2>What a reservation guarantees</h2>
 * <ul>
 * <li><b>Windows</b> ({@code org.portreservation.windows}, build 17763 or later): the
 * kernel's own port reservations. Microsoft documents that a runtime block can be bound
 * from only by the process that acquired it, through sockets associated with its token,
 * and lasts as long as the socket it was acquired on, so Windows drops it when the
 * process exits. Microsoft does not document that sockets of other processes are kept out
 * of its ports while it is held: this library relies on it, and its Windows tests assert
 * it from a second JVM. Whether sockets of the same process that are not associated with
 * the token are kept out is not known (an msquic maintainer saw such binds succeed): bind
 * this process's sockets on the block's ports only through the reservation. A runtime
 * block's ports cannot be handed off; a persistent block's can, to an elevated process
 * that associates with its token.</li>
 * <li><b>Linux, macOS and other Unix systems</b> ({@code org.portreservation.unix}): one
 * placeholder socket per port, bound to the wildcard address, plus a byte-range lock in
 * the lock directory. While a block is held, no socket of another user binds its ports,
 * with or without {@code SO_REUSEADDR} or {@code SO_REUSEPORT}, and bind(0) and connect()
 * never pick them. Two processes using this library never hold overlapping blocks: a
 * placeholder binds without {@code SO_REUSEPORT}, so it cannot land on anyone's port;
 * without a safe, private lock directory (see {@code UnixPortReservations}) the
 * placeholders alone keep them apart, and errors cannot name the holder. The
 * application's channel sets {@code SO_REUSEPORT} and binds on top of the placeholder, so
 * the port is never unguarded: a TCP placeholder stays as the guard (it neither listens
 * nor connects), and a native socket that cannot be handed to {@code bind} binds the same
 * way on a {@linkplain org.portreservation.PortReservation#claim claimed} TCP port; on
 * Linux 4.5 or later a UDP placeholder stays too, and a BPF program on the port's
 * reuse-port group sends every datagram to the application's channel. Under
 * {@code -Djava.net.preferIPv4Stack=true} an IPv6-only placeholder beside each IPv4 one
 * holds the IPv6 side on Linux, at two descriptors per port. The kernel drops every
 * socket and lock when the process dies, {@code kill -9} included. What does not hold on
 * a given machine (another kernel, no JNA) is listed by
 * {@link org.portreservation.BackendInfo#limits()}.</li>
 * </ul>
 *
 * <h2>What it does not guarantee</h2>
 * <ul>
 * <li>On Unix, once a socket of the application has bound or claimed a port of the block,
 * a socket of the <em>same user</em> that sets {@code SO_REUSEPORT} itself can join that
 * port: the placeholder allows {@code SO_REUSEPORT} from then on, and the kernel lets
 * sockets of one user share a reuse-port group. Ports no socket of the application has
 * used yet keep it out too.</li>
 * <li>On Unix, a TCP port that only closed connections in TIME_WAIT occupy (a server
 * bound from the block that closed its connections first, restarted) is held by a
 * placeholder that sets {@code SO_REUSEPORT} before it binds, as that is the one bind the
 * kernel allows there; live sockets of other users are still refused. For the life of
 * those connections (at most 60 s), a second instance of this library running as the same
 * user with a <em>different</em> lock directory could take the same port the same
 * way.</li>
 * <li>Where {@code backend().limits()} says so (macOS, Linux before 4.5, no JNA), a UDP
 * placeholder is closed while the application's channel is bound and opened again by a
 * sweep about 20 ms after that channel closes: meanwhile another process could bind the
 * port. Under {@code -Djava.net.preferIPv4Stack=true} the IPv6 side of a port is held
 * only where an IPv6 socket can be made natively (Linux with JNA).</li>
 * <li>On Linux, datagrams to a reserved UDP port that the bound channel does not accept
 * (another address, another peer of a connected channel) are absorbed by the placeholder
 * instead of drawing an ICMP port unreachable.</li>
 * <li>A handed-off {@link org.portreservation.PortLease lease} is unguarded from
 * {@link org.portreservation.PortLease#handOff() handOff} until the other process binds
 * it.</li>
 * <li>Persistent blocks ({@link org.portreservation.PortReservations#createPersistent
 * createPersistent}) outlive the process. On Linux they are
 * {@code net.ipv4.ip_local_reserved_ports}, which keeps only bind(0), connect() source
 * ports and UDP autobind out of the block, for TCP and UDP alike, and not an explicit
 * bind; on Windows they are kernel reservations like runtime blocks, bound from by
 * associating with their token.</li>
 * </ul>
 *
 * <h2>Who implements what</h2> Applications use
 * {@link org.portreservation.PortReservations} (which they may implement or decorate, as
 * a test double does) and {@link org.portreservation.PortReservation} (the library's own:
 * sealed). Backends extend {@link org.portreservation.AbstractPortReservations} and
 * {@link org.portreservation.AbstractPortReservation}, which check every argument before
 * a backend touches a socket, a lock or the kernel.
 */
@NullMarked
package org.portreservation;

import org.jspecify.annotations.NullMarked;
