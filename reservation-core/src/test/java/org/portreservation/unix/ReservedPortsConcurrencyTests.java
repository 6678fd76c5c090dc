package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.JavaProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ip_local_reserved_ports} is one list per network namespace, written whole: JVMs
 * that create and delete persistent blocks at the same time must not lose each other's
 * changes.
 */
@EnabledOnOs(OS.LINUX)
class ReservedPortsConcurrencyTests {

	private static final int PROCESSES = 3;

	private static final int BLOCKS = 100;

	private static final int SIZE = 2;

	/** One free port between blocks, so that no two blocks merge into one range. */
	private static final int STRIDE = SIZE + 1;

	@Test
	void concurrentCreatesAndDeletesOfDisjointBlocksAreAllKept() throws IOException {
		assumeTrue("root".equals(System.getProperty("user.name")) && Files.isWritable(KernelPorts.RESERVED_PORTS),
				"skipped: writing " + KernelPorts.RESERVED_PORTS + " needs root");
		String original = KernelPorts.read(KernelPorts.RESERVED_PORTS).trim();
		int span = BLOCKS * STRIDE;
		int base = freeRange(KernelPorts.parse(original), PROCESSES * span);
		List<JavaProcess> writers = new ArrayList<>();
		try {
			for (int i = 0; i < PROCESSES; i++) {
				writers.add(Intruder.persistMany(base + i * span, SIZE, BLOCKS, STRIDE).start());
			}
			for (JavaProcess writer : writers) {
				assertThat(writer.readLine()).isEqualTo("ready");
			}
			writers.forEach((writer) -> writer.send("go"));
			List<String> failures = new ArrayList<>();
			for (JavaProcess writer : writers) {
				for (String line = writer.readLine(); !line.equals("done"); line = writer.readLine()) {
					failures.add(line);
				}
				assertThat(writer.waitFor()).isZero();
			}
			BitSet reserved = KernelPorts.reservedPorts();
			List<Integer> lost = new ArrayList<>();
			List<Integer> leftBehind = new ArrayList<>();
			for (int block = 0; block < PROCESSES * BLOCKS; block++) {
				int first = base + (block / BLOCKS) * span + (block % BLOCKS) * STRIDE;
				boolean kept = (block % BLOCKS) % 2 == 0;
				for (int port = first; port < first + SIZE; port++) {
					if (kept && !reserved.get(port)) {
						lost.add(port);
					}
					if (!kept && reserved.get(port)) {
						leftBehind.add(port);
					}
				}
			}
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(failures).as("creates and deletes that did not return normally").isEmpty();
			softly.assertThat(lost).as("created ports missing from the list").isEmpty();
			softly.assertThat(leftBehind).as("deleted ports still in the list").isEmpty();
			softly.assertAll();
		}
		finally {
			writers.forEach(JavaProcess::close);
			restore(original, base, base + PROCESSES * span);
		}
	}

	/**
	 * Writes the original list back: the list without the test's range, which is the
	 * original unless another process on this machine changed the list meanwhile; that
	 * change is kept rather than undone.
	 */
	private static void restore(String original, int from, int to) throws IOException {
		BitSet now = KernelPorts.reservedPorts();
		now.clear(from, to);
		String restored = KernelPorts.format(now);
		Files.writeString(KernelPorts.RESERVED_PORTS, restored.isEmpty() ? "\n" : restored);
		if (!restored.equals(original)) {
			System.err.println("ip_local_reserved_ports was changed by another process during the test: restored '"
					+ restored + "' rather than the original '" + original + "'");
		}
	}

	/** A range above the default ephemeral range that the list does not touch yet. */
	private static int freeRange(BitSet reserved, int length) {
		for (int base = 61000; base + length <= 65536; base += 100) {
			int next = reserved.nextSetBit(base);
			if (next < 0 || next >= base + length) {
				return base;
			}
		}
		throw new AssertionError("No range of " + length + " ports is free of ip_local_reserved_ports");
	}

}
