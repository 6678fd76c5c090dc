package org.portreservation.unix;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.BitSet;

import org.portreservation.PortBlock;
import org.portreservation.Protocol;
import org.portreservation.unix.jna.LibC;

/**
 * Placeholders made through the C library and held as bare descriptors: a held port costs
 * an {@code int} of heap (two under {@code -Djava.net.preferIPv4Stack=true}), where a JDK
 * channel per port would cost an object graph of about 500 bytes, and a direct call costs
 * less than the JDK's channel machinery around the same system calls.
 */
final class NativePlaceholders extends Placeholders {

	/**
	 * Blocks of at least this many ports ask the kernel whether new IPv6 sockets are
	 * dual-stack already; reading the setting costs about what this many calls do.
	 */
	private static final int ASK_FROM_PORTS = 8;

	private static final int NONE = -1;

	/** Whether placeholders are dual-stack IPv6 sockets, as the JDK's channels are. */
	private final boolean dualStack;

	/**
	 * Whether each dual-stack placeholder clears IPV6_V6ONLY itself: always in a small
	 * block, in a larger one only where the kernel makes new IPv6 sockets IPv6-only.
	 */
	private final boolean clearsIpv6Only;

	/** The descriptor of each port's placeholder, or {@link #NONE}. */
	private final int[] sockets;

	/**
	 * Beside an IPv4 placeholder, the descriptor of the IPv6-only one, or {@link #NONE};
	 * empty where there is no IPv6 side to hold.
	 */
	private final int[] ipv6Only;

	/** The ports whose placeholder has SO_REUSEPORT set. */
	private final BitSet reusable = new BitSet();

	/** The UDP ports whose datagrams are steered past their placeholder. */
	private final BitSet steered = new BitSet();

	NativePlaceholders(PortBlock block) {
		super(block);
		this.dualStack = JdkStack.DUAL;
		this.clearsIpv6Only = this.dualStack
				&& (block.numberOfPorts() < ASK_FROM_PORTS || KernelPorts.ipv6OnlyByDefault());
		this.sockets = none(block.numberOfPorts());
		this.ipv6Only = (!this.dualStack && NativeSocket.ipv6Available()) ? none(block.numberOfPorts()) : new int[0];
	}

	@Override
	void bindOnce(int port, boolean reusePortFirst) throws IOException {
		NativeSocket socket = NativeSocket.open(this.dualStack, protocol());
		try {
			if (this.clearsIpv6Only) {
				socket.setOption(LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, 0);
			}
			if (reusePortFirst) {
				socket.setOption(LibC.SOL_SOCKET, LibC.SO_REUSEPORT, 1);
			}
			// Without SO_REUSEPORT (unless over TIME_WAIT) the bind fails on any port
			// already held, even by another instance of this library.
			socket.bindWildcard(this.dualStack, port);
			if (this.ipv6Only.length > 0) {
				this.ipv6Only[index(port)] = bindIpv6Only(port);
			}
			this.sockets[index(port)] = socket.release();
			this.reusable.set(index(port), reusePortFirst);
		}
		catch (IOException | RuntimeException | Error ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Binds the IPv6 side of a port without SO_REUSEPORT, as nothing of ours binds over
	 * it.
	 */
	private int bindIpv6Only(int port) throws IOException {
		try (NativeSocket socket = NativeSocket.open(true, protocol())) {
			socket.setOption(LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, 1);
			socket.bindWildcard(true, port);
			return socket.release();
		}
	}

	@Override
	void allowReuse(int port) throws IOException {
		int index = index(port);
		if (this.sockets[index] != NONE && !this.reusable.get(index)) {
			NativeSocket.setOption(this.sockets[index], LibC.SOL_SOCKET, LibC.SO_REUSEPORT, 1);
			this.reusable.set(index);
		}
	}

	@Override
	boolean holds(int port) {
		return this.sockets[index(port)] != NONE;
	}

	@Override
	void close(int port) {
		int index = index(port);
		if (this.sockets[index] != NONE) {
			NativeSocket.close(this.sockets[index]);
			this.sockets[index] = NONE;
		}
		if (this.ipv6Only.length > 0 && this.ipv6Only[index] != NONE) {
			NativeSocket.close(this.ipv6Only[index]);
			this.ipv6Only[index] = NONE;
		}
		this.reusable.clear(index);
		this.steered.clear(index);
	}

	@Override
	void steerDatagrams(int port) {
		int index = index(port);
		if (protocol() == Protocol.UDP && this.sockets[index] != NONE && !this.steered.get(index)
				&& DatagramSteering.steer(this.dualStack, port)) {
			this.steered.set(index);
		}
	}

	@Override
	boolean steered(int port) {
		return this.steered.get(index(port));
	}

	private static int[] none(int numberOfPorts) {
		int[] descriptors = new int[numberOfPorts];
		Arrays.fill(descriptors, NONE);
		return descriptors;
	}

	/**
	 * Whether the JDK makes dual-stack IPv6 sockets, rather than IPv4 ones as under
	 * {@code -Djava.net.preferIPv4Stack=true} or without IPv6; asked once, of a channel
	 * bound to an ephemeral port.
	 */
	static final class JdkStack {

		static final boolean DUAL = probe();

		private JdkStack() {
		}

		private static boolean probe() {
			try (DatagramChannel channel = DatagramChannel.open()) {
				channel.bind(new InetSocketAddress(0));
				return ((InetSocketAddress) channel.getLocalAddress()).getAddress() instanceof Inet6Address;
			}
			catch (IOException ex) {
				return !Boolean.getBoolean("java.net.preferIPv4Stack");
			}
		}

	}

}
