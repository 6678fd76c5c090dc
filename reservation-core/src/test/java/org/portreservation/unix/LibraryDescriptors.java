package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Counts the descriptors of this process that a reservation could have left open, through
 * {@code /proc/self/fd} and {@code /proc/net}, and no other: whatever else the JVM opens
 * meanwhile (class path jars, a test runner's connection) does not change the count.
 */
final class LibraryDescriptors {

	private static final Path PROC_NET = Path.of("/proc/net");

	/**
	 * Tables whose sockets are the JVM's own business: Unix domain and netlink sockets.
	 */
	private static final List<String> OTHER_FAMILIES = List.of("unix", "netlink", "packet");

	private static final List<String> INET_TABLES = List.of("tcp", "tcp6", "udp", "udp6");

	private LibraryDescriptors() {
	}

	/**
	 * The sockets of this process that are on one of {@code ports} or not listed by
	 * {@code /proc/net} at all, which is how a placeholder, or a socket whose bind
	 * failed, looks: {@code /proc/net/tcp} lists only listening and connected sockets.
	 * @param ports the ports of the blocks under test
	 * @return the number of such sockets
	 */
	static long sockets(BitSet ports) throws IOException {
		Set<String> elsewhere = new HashSet<>();
		for (String table : OTHER_FAMILIES) {
			for (String[] entry : entries(table)) {
				elsewhere.add(entry[inodeField(table)]);
			}
		}
		for (String table : INET_TABLES) {
			for (String[] entry : entries(table)) {
				if (!ports.get(port(entry[1]))) {
					elsewhere.add(entry[9]);
				}
			}
		}
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.map(LibraryDescriptors::target)
				.filter((target) -> target.startsWith("socket:["))
				.map((target) -> target.substring("socket:[".length(), target.length() - 1))
				.filter((inode) -> !elsewhere.contains(inode))
				.count();
		}
	}

	/**
	 * The descriptors of this process open on a file in {@code directory}.
	 * @param directory a lock directory
	 * @return the number of such descriptors
	 */
	static long filesIn(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return 0;
		}
		String prefix = directory.toRealPath() + "/";
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.map(LibraryDescriptors::target).filter((target) -> target.startsWith(prefix)).count();
		}
	}

	/**
	 * The entries of a {@code /proc/net} table, split into fields; none if it is missing.
	 */
	private static List<String[]> entries(String table) throws IOException {
		Path file = PROC_NET.resolve(table);
		if (!Files.exists(file)) {
			return List.of();
		}
		return KernelPorts.read(file).lines().skip(1).map((line) -> line.trim().split("\\s+")).toList();
	}

	private static int inodeField(String table) {
		return switch (table) {
			case "unix" -> 6;
			case "packet" -> 8;
			default -> 9;
		};
	}

	/** The port of an address such as {@code 0100007F:1F90}. */
	private static int port(String address) {
		return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
	}

	private static String target(Path descriptor) {
		try {
			return Files.readSymbolicLink(descriptor).toString();
		}
		catch (IOException ex) {
			// Closed since it was listed, such as the directory stream's own descriptor.
			return "";
		}
	}

}
