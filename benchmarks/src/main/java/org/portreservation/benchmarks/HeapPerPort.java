package org.portreservation.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * The heap and the file descriptors one held port costs, measured over a block of 10,000
 * ports: {@code java -cp benchmarks/target/benchmarks.jar
 * org.portreservation.benchmarks.HeapPerPort}.
 */
public final class HeapPerPort {

	private static final int PORTS = 10_000;

	private HeapPerPort() {
	}

	public static void main(String[] args) throws Exception {
		PortReservations reservations = PortReservations.forCurrentPlatform();
		// Load the classes and the lock file first, so only the block is counted.
		reservations.acquire(Protocol.TCP, 0, 1).close();
		long heapBefore = settledHeap();
		long descriptorsBefore = openDescriptors();
		try (PortReservation block = reservations.acquire(Protocol.TCP, 0, PORTS)) {
			long heap = settledHeap() - heapBefore;
			long descriptors = openDescriptors() - descriptorsBefore;
			System.out.printf("%d ports held: %.1f bytes of heap and %.2f file descriptors per port (%s)%n", PORTS,
					(double) heap / PORTS, (double) descriptors / PORTS, block);
		}
	}

	private static long settledHeap() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 10; i++) {
			System.gc();
			Thread.sleep(50);
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	private static long openDescriptors() throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.count();
		}
	}

}
