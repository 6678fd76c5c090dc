package org.portreservation.test;

import java.util.ArrayList;
import java.util.List;

import org.portreservation.BindProbe;
import org.portreservation.JavaProcess;
import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * A second JVM that tries what a parallel test fork or another user would: reserve a
 * block through this library, or bind ports the plain way. As a main class, for
 * {@code tcp|udp START SIZE}, it prints {@code reserved} or {@code refused MESSAGE}.
 */
final class OtherJvm {

	private OtherJvm() {
	}

	public static void main(String[] args) {
		try (PortReservation reservation = PortReservations.forCurrentPlatform()
			.acquire(Protocol.valueOf(args[0].toUpperCase()), Integer.parseInt(args[1]), Integer.parseInt(args[2]))) {
			System.out.println("reserved " + reservation.block());
		}
		catch (PortReservationException ex) {
			System.out.println("refused " + ex.getMessage());
		}
		System.out.flush();
	}

	/**
	 * What another JVM of this library gets when it reserves exactly the block.
	 * @return {@code reserved ...} or {@code refused ...}
	 */
	static String reserve(PortBlock block) {
		try (JavaProcess other = JavaProcess.start(OtherJvm.class, block.protocol().label(),
				Integer.toString(block.startPort()), Integer.toString(block.numberOfPorts()))) {
			String line = other.readLine();
			if (other.waitFor() != 0) {
				throw new IllegalStateException("The other JVM failed: " + other.errors());
			}
			return line;
		}
	}

	/**
	 * The ports of a block that another JVM of this user binds the plain way.
	 */
	static List<Integer> bindable(PortBlock block) {
		return BindProbe.bindableInAnotherProcess(block.protocol(), ports(block));
	}

	/**
	 * The ports of a block that a JVM of another user (nobody) binds the plain way.
	 */
	static List<Integer> bindableByAnotherUser(PortBlock block) {
		List<String> args = new ArrayList<>(List.of(block.protocol().label()));
		ports(block).forEach((port) -> args.add(Integer.toString(port)));
		List<Integer> bound = new ArrayList<>();
		try (JavaProcess probe = JavaProcess.startAs(65534, BindProbe.class, args.toArray(String[]::new))) {
			for (int port : ports(block)) {
				if (probe.readLine().equals(port + " bound")) {
					bound.add(port);
				}
			}
			if (probe.waitFor() != 0) {
				throw new IllegalStateException("The probe failed: " + probe.errors());
			}
		}
		return bound;
	}

	private static List<Integer> ports(PortBlock block) {
		List<Integer> ports = new ArrayList<>();
		for (int port = block.startPort(); port <= block.endPort(); port++) {
			ports.add(port);
		}
		return ports;
	}

}
