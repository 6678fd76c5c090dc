package org.portreservation.unix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.portreservation.PortHolder;
import org.portreservation.Protocol;

/**
 * Finds, through {@code /proc}, which process holds a port or a lock, so that an error
 * can name it. Best effort: other users' processes are visible only to root, and other
 * systems have no {@code /proc}.
 */
public final class PortOwners {

	private static final Path PROC = Path.of("/proc");

	private PortOwners() {
	}

	/** A process that holds something. */
	record Owner(long pid, String command) {

		@Override
		public String toString() {
			return "process " + this.pid + " (" + this.command + ")";
		}

	}

	/**
	 * The process holding a socket bound to a port.
	 * @param protocol the port's protocol
	 * @param port the port
	 * @return the owner, if {@code /proc} tells
	 */
	static Optional<Owner> ofPort(Protocol protocol, int port) {
		String suffix = String.format(":%04X", port);
		for (String table : new String[] { protocol.label(), protocol.label() + "6" }) {
			try {
				for (String line : KernelPorts.read(PROC.resolve("net").resolve(table)).split("\n")) {
					String[] fields = line.trim().split("\\s+");
					if (fields.length > 9 && fields[1].endsWith(suffix) && !"0".equals(fields[9])) {
						Optional<Owner> owner = ofSocketInode(fields[9]);
						if (owner.isPresent()) {
							return owner;
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// No /proc, or a table this kernel lacks: the owner stays unknown.
			}
		}
		return Optional.empty();
	}

	/**
	 * The process holding a socket bound to a port, for {@link PortHolder#of}, which
	 * checks the arguments.
	 * @param protocol the port's protocol
	 * @param port the port
	 * @return the holder, if {@code /proc} tells
	 */
	public static Optional<PortHolder> holderOf(Protocol protocol, int port) {
		return ofPort(protocol, port).map((owner) -> new PortHolder(owner.pid(), owner.command()));
	}

	/**
	 * The first locked byte of a range of a file, and the process holding its POSIX lock.
	 * @param lockFile the locked file
	 * @param first the range's first byte
	 * @param last the range's last byte
	 * @return the lowest locked byte of the range and its owner, if {@code /proc/locks}
	 * tells
	 */
	static Optional<LockedByte> ofLock(Path lockFile, long first, long last) {
		@Nullable LockedByte lowest = null;
		try {
			long inode = ((Number) Files.getAttribute(lockFile, "unix:ino")).longValue();
			for (String line : KernelPorts.read(PROC.resolve("locks")).split("\n")) {
				// "1: POSIX ADVISORY WRITE 1234 08:01:5678 40000 40003"
				String[] fields = line.trim().split("\\s+");
				if (fields.length < 8 || !"POSIX".equals(fields[1])) {
					continue;
				}
				String[] device = fields[5].split(":");
				long start = Math.max(first, Long.parseLong(fields[6]));
				long end = "EOF".equals(fields[7]) ? Long.MAX_VALUE : Long.parseLong(fields[7]);
				if (device.length == 3 && Long.parseLong(device[2]) == inode && start <= Math.min(last, end)
						&& (lowest == null || start < lowest.position())) {
					long pid = Long.parseLong(fields[4]);
					lowest = new LockedByte(start, new Owner(pid, command(pid)));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// No /proc/locks or no unix attributes: the owner stays unknown.
		}
		return Optional.ofNullable(lowest);
	}

	/** A locked byte of a file and the process that holds the lock. */
	record LockedByte(long position, Owner owner) {

	}

	private static Optional<Owner> ofSocketInode(String inode) throws IOException {
		String target = "socket:[" + inode + "]";
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
					for (Path descriptor : descriptors) {
						if (target.equals(Files.readSymbolicLink(descriptor).toString())) {
							long pid = Long.parseLong(process.getFileName().toString());
							return Optional.of(new Owner(pid, command(pid)));
						}
					}
				}
				catch (IOException | SecurityException ex) {
					// Another user's process, or one that just exited.
				}
			}
		}
		return Optional.empty();
	}

	private static String command(long pid) {
		try {
			return KernelPorts.read(PROC.resolve(Long.toString(pid)).resolve("comm")).trim();
		}
		catch (IOException ex) {
			return "unknown command";
		}
	}

}
