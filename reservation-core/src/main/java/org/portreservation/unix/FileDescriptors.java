package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process's file descriptors against its {@code RLIMIT_NOFILE}, from {@code /proc},
 * so that a block too large for the limit is named as such: a block costs one descriptor
 * per port.
 */
final class FileDescriptors {

	private static final Path LIMITS = Path.of("/proc/self/limits");

	private static final Path OPEN = Path.of("/proc/self/fd");

	private FileDescriptors() {
	}

	/**
	 * Whether {@code ports} more descriptors would exceed the limit now.
	 * @param ports how many descriptors a block needs
	 * @return the descriptors open and the limit if they would, empty if not or where
	 * {@code /proc} does not tell
	 */
	static Optional<Usage> exceededBy(int ports) {
		try {
			long limit = softLimit();
			long open;
			try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OPEN)) {
				open = 0;
				for (Path descriptor : descriptors) {
					open++;
				}
			}
			return (open + ports > limit) ? Optional.of(new Usage(open, limit)) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static long softLimit() throws IOException {
		for (String line : KernelPorts.read(LIMITS).split("\n")) {
			// "Max open files 20000 20000 files"
			if (line.startsWith("Max open files")) {
				String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
				return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
			}
		}
		throw new IOException("No 'Max open files' in " + LIMITS);
	}

	/**
	 * Descriptors in use against the limit.
	 *
	 * @param open how many this process has open
	 * @param limit its {@code RLIMIT_NOFILE}
	 */
	record Usage(long open, long limit) {

	}

}
