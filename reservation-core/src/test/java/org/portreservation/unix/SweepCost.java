package org.portreservation.unix;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * Measures what an idle block costs: holds a UDP block of {@code PORTS} ports in one
 * state for {@code SECONDS}, and prints the CPU time that the process and the re-guard
 * sweeper spent meanwhile. Not a test: the sweep's cost is measured by hand with it.
 * <p>
 * Arguments: {@code STATE PORTS SECONDS}, the state one of {@code idle} (nothing bound),
 * {@code udp-channel} (one channel bound), {@code handed-off-lease} (one lease handed
 * off), {@code returning-lease} (one lease ended while another socket still holds its
 * port).
 */
public final class SweepCost {

	private SweepCost() {
	}

	public static void main(String[] args) throws Exception {
		String state = args[0];
		int ports = Integer.parseInt(args[1]);
		long millis = Duration.ofSeconds(Long.parseLong(args[2])).toMillis();
		try (PortReservation reservation = PortReservations.forCurrentPlatform().acquire(Protocol.UDP, 0, ports);
				DatagramChannel channel = state.equals("udp-channel") ? reservation.openDatagramChannel() : null;
				PortLease lease = state.endsWith("-lease") ? reservation.lease() : null;
				DatagramChannel other = state.equals("returning-lease") ? DatagramChannel.open() : null) {
			if (lease != null) {
				lease.handOff();
			}
			if (other != null) {
				other.bind(new InetSocketAddress(lease.port()));
				lease.close();
			}
			// Lets the JIT settle first.
			Thread.sleep(2000);
			long process = processCpuNanos();
			long sweeper = sweeperCpuNanos();
			Thread.sleep(millis);
			double processMillis = (processCpuNanos() - process) / 1e6;
			double sweeperMillis = (sweeperCpuNanos() - sweeper) / 1e6;
			System.out.printf(
					"%s, %d ports, %d ms: process %.0f ms of CPU = %.2f %% of a core; sweeper %.1f ms = " + "%.3f %%%n",
					state, ports, millis, processMillis, 100 * processMillis / millis, sweeperMillis,
					100 * sweeperMillis / millis);
		}
	}

	private static long processCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
	}

	/** The CPU time of the sweeper thread, 0 while there is none. */
	private static long sweeperCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("portreservation-reguard"))
			.mapToLong((thread) -> Math.max(0, threads.getThreadCpuTime(thread.getId())))
			.sum();
	}

}
