package org.portreservation.test.forks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The record of the blocks that the forked test JVMs held: each JVM appends to a file of
 * its own in the directory that the system property {@value #DIRECTORY_PROPERTY} names,
 * and a later surefire execution checks that no two JVMs ever held overlapping blocks.
 */
final class HeldBlocks {

	static final String DIRECTORY_PROPERTY = "portreservation.test.fork-records";

	private HeldBlocks() {
	}

	static Path directory() {
		String directory = System.getProperty(DIRECTORY_PROPERTY);
		if (directory == null) {
			throw new IllegalStateException("-D" + DIRECTORY_PROPERTY + " must name the directory of the records, "
					+ "as the forks and fork-check surefire executions of reservation-test's pom set it");
		}
		return Path.of(directory);
	}

	static synchronized void append(List<HeldBlock> blocks) {
		try {
			Files.createDirectories(directory());
			Path file = directory().resolve(ProcessHandle.current().pid() + ".txt");
			List<String> lines = blocks.stream().map(HeldBlock::line).toList();
			Files.write(file, lines, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<HeldBlock> read(Path directory) throws IOException {
		List<HeldBlock> blocks = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.sorted().toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
					if (!line.isBlank()) {
						blocks.add(HeldBlock.parse(line));
					}
				}
			}
		}
		return blocks;
	}

	/**
	 * Every pair of blocks that two different JVMs held at the same time and that share a
	 * port: what reservations exist to prevent.
	 */
	static List<String> overlaps(List<HeldBlock> blocks) {
		List<String> overlaps = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			for (int j = i + 1; j < blocks.size(); j++) {
				HeldBlock first = blocks.get(i);
				HeldBlock second = blocks.get(j);
				if (first.pid() != second.pid() && first.sharesAPortWith(second) && first.heldAtTheSameTimeAs(second)) {
					overlaps.add(first + " while " + second);
				}
			}
		}
		return overlaps;
	}

	/**
	 * Whether two different JVMs held blocks at the same time at all, without which no
	 * overlap could have been seen.
	 */
	static boolean concurrent(List<HeldBlock> blocks) {
		for (HeldBlock first : blocks) {
			for (HeldBlock second : blocks) {
				if (first.pid() != second.pid() && first.heldAtTheSameTimeAs(second)) {
					return true;
				}
			}
		}
		return false;
	}

}
