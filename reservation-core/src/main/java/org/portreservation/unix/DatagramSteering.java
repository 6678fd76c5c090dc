package org.portreservation.unix;

import java.io.IOException;
import java.util.Optional;

import org.portreservation.Protocol;
import org.portreservation.unix.jna.LibC;

/**
 * Sends the datagrams of a guarded UDP port to our channel bound over its placeholder,
 * never to the placeholder, so that the placeholder can stay bound while the channel is
 * open: a classic BPF program on the port's reuse-port group ({@code
 * SO_ATTACH_REUSEPORT_CBPF}, Linux 4.5) picks member 1.
 * <p>
 * The kernel numbers a group's members in the order they joined, moves the last member
 * into the slot of one that leaves, and hashes as usual when the program picks a member
 * past the end. The placeholder is member 0, so the one channel bound over it is member 1
 * while it is open, and the placeholder gets the datagrams only while no channel is. The
 * program belongs to the group, so a short-lived socket that joins the group attaches it
 * and leaves; the placeholder's own descriptor is never touched. A channel bound to one
 * address, connected, or of the other address family is in no group with the placeholder,
 * and the kernel's lookup prefers it anyway.
 */
final class DatagramSteering {

	private static final Optional<String> UNAVAILABLE = probe();

	private DatagramSteering() {
	}

	/**
	 * Why datagrams cannot be steered here, so that a UDP placeholder must be closed
	 * while a channel is bound.
	 * @return the reason, empty where they can
	 */
	static Optional<String> unavailableReason() {
		return UNAVAILABLE;
	}

	/**
	 * Steers the datagrams of a port whose placeholder is bound, before our channel binds
	 * over it.
	 * @param ipv6 whether the placeholder is a dual-stack IPv6 socket rather than an IPv4
	 * one
	 * @param port the port
	 * @return whether they are steered; if not, the placeholder would take datagrams
	 */
	static boolean steer(boolean ipv6, int port) {
		if (UNAVAILABLE.isPresent()) {
			return false;
		}
		try (NativeSocket member = NativeSocket.open(ipv6, Protocol.UDP)) {
			if (ipv6) {
				// As the JDK's sockets, or it would be in no group with the placeholder.
				member.setOption(LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, 0);
			}
			member.setOption(LibC.SOL_SOCKET, LibC.SO_REUSEPORT, 1);
			member.bindWildcard(ipv6, port);
			member.attachReusePortProgram(Program.PICK_MEMBER_1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<String> probe() {
		Optional<String> nativeSockets = NativeSocket.unavailableReason();
		if (nativeSockets.isPresent()) {
			return nativeSockets;
		}
		// Attached before bind, a program makes a group of its own: no port is taken.
		try (NativeSocket probe = NativeSocket.open(false, Protocol.UDP)) {
			probe.setOption(LibC.SOL_SOCKET, LibC.SO_REUSEPORT, 1);
			probe.attachReusePortProgram(Program.PICK_MEMBER_1);
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.of(ex.getMessage() + " (SO_ATTACH_REUSEPORT_CBPF needs Linux 4.5 or later)");
		}
	}

	/** The program, made once native sockets are known to work. */
	private static final class Program {

		/**
		 * {@code A = 1; return A}, written once and never again, so shared by every call.
		 */
		static final LibC.sock_fprog PICK_MEMBER_1 = pickMember1();

		private static LibC.sock_fprog pickMember1() {
			LibC.sock_filter.ByReference first = new LibC.sock_filter.ByReference();
			LibC.sock_filter[] instructions = (LibC.sock_filter[]) first.toArray(2);
			instructions[0].code = (short) (LibC.BPF_LD | LibC.BPF_W | LibC.BPF_IMM);
			instructions[0].k = 1;
			instructions[1].code = (short) (LibC.BPF_RET | LibC.BPF_A);
			for (LibC.sock_filter instruction : instructions) {
				instruction.write();
				instruction.setAutoSynch(false);
			}
			LibC.sock_fprog program = new LibC.sock_fprog();
			program.len = (short) instructions.length;
			program.filter = first;
			program.write();
			program.setAutoSynch(false);
			return program;
		}

	}

}
