package org.portreservation.unix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The socket calls of Linux's C library that the JDK does not offer. The constants are
 * those of the asm-generic headers, which x86, x86-64, arm, aarch64 and riscv64 use;
 * other architectures number some of them differently.
 *
 * @since 0.1.0
 */
public interface LibC extends Library {

	/** The library, loaded when this field is first read. */
	LibC INSTANCE = Native.load("c", LibC.class);

	/** IPv4 sockets: {@code AF_INET} (bits/socket.h). */
	int AF_INET = 2;

	/** IPv6 sockets: {@code AF_INET6} (bits/socket.h). */
	int AF_INET6 = 10;

	/** TCP: {@code SOCK_STREAM} (bits/socket_type.h). */
	int SOCK_STREAM = 1;

	/** UDP: {@code SOCK_DGRAM} (bits/socket_type.h). */
	int SOCK_DGRAM = 2;

	/**
	 * Closes the socket in a child after exec: {@code SOCK_CLOEXEC} (bits/socket_type.h).
	 */
	int SOCK_CLOEXEC = 0x80000;

	/** Options of every socket: {@code SOL_SOCKET} (asm-generic/socket.h). */
	int SOL_SOCKET = 1;

	/** Joins the port's reuse-port group: {@code SO_REUSEPORT} (asm-generic/socket.h). */
	int SO_REUSEPORT = 15;

	/**
	 * Programs which member of a reuse-port group gets a packet, with classic BPF:
	 * {@code SO_ATTACH_REUSEPORT_CBPF} (asm-generic/socket.h, Linux 4.5).
	 */
	int SO_ATTACH_REUSEPORT_CBPF = 51;

	/** IPv6 options: {@code IPPROTO_IPV6} (netinet/in.h). */
	int IPPROTO_IPV6 = 41;

	/**
	 * 1 for IPv6 only, 0 for IPv4-mapped addresses too: {@code IPV6_V6ONLY}
	 * (linux/in6.h).
	 */
	int IPV6_V6ONLY = 26;

	/** Loads into the accumulator: {@code BPF_LD} (linux/bpf_common.h). */
	int BPF_LD = 0x00;

	/** A 32-bit word: {@code BPF_W} (linux/bpf_common.h). */
	int BPF_W = 0x00;

	/** The instruction's constant {@code k}: {@code BPF_IMM} (linux/bpf_common.h). */
	int BPF_IMM = 0x00;

	/** Returns: {@code BPF_RET} (linux/bpf_common.h). */
	int BPF_RET = 0x06;

	/** The accumulator, as what is returned: {@code BPF_A} (linux/filter.h). */
	int BPF_A = 0x10;

	/** Permission denied: {@code EACCES} (asm-generic/errno-base.h). */
	int EACCES = 13;

	/**
	 * The address family is not supported: {@code EAFNOSUPPORT} (asm-generic/errno.h).
	 */
	int EAFNOSUPPORT = 97;

	/** The address is in use: {@code EADDRINUSE} (asm-generic/errno.h). */
	int EADDRINUSE = 98;

	/**
	 * Attaches a classic BPF program.
	 * @param sockfd the socket
	 * @param level {@link #SOL_SOCKET}
	 * @param optname such as {@link #SO_ATTACH_REUSEPORT_CBPF}
	 * @param optval the program
	 * @param optlen the size of {@code sock_fprog}
	 * @return 0
	 * @throws LastErrorException with the errno
	 */
	int setsockopt(int sockfd, int level, int optname, sock_fprog optval, int optlen) throws LastErrorException;

	/** One classic BPF instruction (linux/filter.h). */
	@FieldOrder({ "code", "jt", "jf", "k" })
	class sock_filter extends Structure {

		public short code;

		public byte jt;

		public byte jf;

		public int k;

		/** An instruction that {@link sock_fprog} points to, with the ones after it. */
		public static class ByReference extends sock_filter implements Structure.ByReference {

		}

	}

	/** A classic BPF program: its length and first instruction (linux/filter.h). */
	@FieldOrder({ "len", "filter" })
	class sock_fprog extends Structure {

		public short len;

		public sock_filter.ByReference filter;

	}

}
