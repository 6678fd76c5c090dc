package org.portreservation.unix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.portreservation.JavaProcess;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.unix.jna.LibC;

import static java.net.StandardProtocolFamily.INET;

/**
 * Runs in a second JVM and tries every way of taking ports that another process has
 * reserved; prints what it got. Tests say what it does through a typed {@link Command},
 * whose arguments become the second JVM's command line.
 * <p>
 * The taking commands ({@link #bind}, {@link #reusePort}, {@link #autobind},
 * {@link #connect}, {@link #hammer}) print {@code taken COUNT} and one
 * {@code got PORT HOW} line per success; {@link #hammer} prints {@code started} first.
 * The acquiring ones ({@link #acquire}, {@link #acquireAt}) print
 * {@code block FIRST LAST} or {@code refused CLASS MESSAGE} lines, then {@code ready},
 * and hold until a line arrives on stdin; {@link #backend} prints the backend's
 * description; {@link #persist} prints {@code created} or {@code refused CLASS MESSAGE}.
 * <p>
 * The attacking commands run as another user and prepare the shared temporary directory
 * the way an attacker would: {@link #squat} creates a directory, with a symbolic link or
 * a wholly locked file in it, prints {@code ready} and holds until a line arrives;
 * {@link #openLockFile} prints {@code opened} or {@code denied CLASS} for each way of
 * getting at another user's lock file. {@link #acquireWithTemporaryDirectory} is the
 * victim: it prints {@code directory PATH} (its default lock directory), waits for a
 * line, then acquires like {@link #acquireAt}. {@link #acquireRepeatedly} prints a
 * {@code block} or {@code refused} line per wildcard acquire, then {@code done};
 * {@link #persistMany} prints {@code ready}, waits for a line, then creates and deletes
 * persistent blocks and prints {@code failed CLASS MESSAGE} per failed call, then
 * {@code done}.
 */
public final class Intruder {

	private Intruder() {
	}

	/**
	 * Explicit binds with and without SO_REUSEADDR, IPv4-only and dual-stack, wildcard
	 * and loopback.
	 */
	static Command bind(Protocol protocol, int first, int last) {
		return new Command("bind", protocol.label(), first, last);
	}

	/**
	 * Explicit binds of each of {@code addresses}, such as {@code 127.0.0.2} or
	 * {@code ::1}, with and without SO_REUSEADDR.
	 */
	static Command bindAt(Protocol protocol, int port, String... addresses) {
		return new Command("bind-at", protocol.label(), port, port, String.join(",", addresses));
	}

	/**
	 * Binds of the IPv6 side of each port, without and with SO_REUSEPORT, then dual-stack
	 * binds with SO_REUSEPORT (listening for TCP, and taking an IPv4 connection if one
	 * comes): what an IPv4-only placeholder would let through.
	 */
	static Command ipv6OnlyFirst(Protocol protocol, int first, int last) {
		return new Command("ipv6-only-first", protocol.label(), first, last);
	}

	/** The explicit binds of {@link #bind}, each with SO_REUSEPORT set. */
	static Command reusePort(Protocol protocol, int first, int last) {
		return new Command("reuseport", protocol.label(), first, last);
	}

	/** {@code attempts} bind(0) sockets open at once. */
	static Command autobind(Protocol protocol, int first, int last, int attempts) {
		return new Command("autobind", protocol.label(), first, last, attempts);
	}

	/** {@code attempts} connections made without binding first. */
	static Command connect(Protocol protocol, int first, int last, int attempts) {
		return new Command("connect", protocol.label(), first, last, attempts);
	}

	/** The explicit binds of {@link #bind}, repeated for {@code millis}. */
	static Command hammer(Protocol protocol, int first, int last, long millis) {
		return new Command("hammer", protocol.label(), first, last, millis);
	}

	/** {@code blocks} wildcard TCP blocks of {@code size}, held. */
	static Command acquire(int blocks, int size) {
		return new Command("acquire", blocks, size);
	}

	/** One explicit block, held, with the default lock directory. */
	static Command acquireAt(Protocol protocol, int start, int size) {
		return new Command("acquire-at", protocol.label(), start, size);
	}

	/** One explicit block, held, with a lock directory of its own. */
	static Command acquireAtWithOwnLocks(Protocol protocol, int start, int size) {
		return new Command("acquire-at-with-own-locks", protocol.label(), start, size);
	}

	/** A persistent TCP reservation. */
	static Command persist(int start, int size) {
		return new Command("persist", start, size);
	}

	/**
	 * Serves one connection from a port of an explicit block, closes it first (leaving it
	 * in TIME_WAIT on the server's side), prints {@code closed} and exits, as a server
	 * that restarts does.
	 */
	static Command serveOnce(int start, int size) {
		return new Command("serve-once", start, size);
	}

	/**
	 * A process of this library: sets {@code properties} ({@code name=value}) before
	 * anything uses the network, prints {@code local ADDRESS} of a wildcard socket of the
	 * JDK and {@code backend DESCRIPTION}, acquires any free block and prints
	 * {@code block FIRST LAST}, binds a channel from it if told to, prints {@code ready},
	 * and at each line that arrives closes the channel ({@code closed}), then the block.
	 */
	static Command holder(Protocol protocol, int size, boolean bindChannel, String... properties) {
		return new Command("holder", protocol.label(), size, bindChannel, String.join(",", properties));
	}

	/** The backend's description. */
	static Command backend() {
		return new Command("backend");
	}

	/**
	 * Creates {@code directory} (mode 0755, so only its creator writes it), and holds
	 * until told.
	 */
	static Command squat(Path directory) {
		return new Command("squat", directory, "empty");
	}

	/**
	 * Creates {@code directory} with a symbolic link {@code tcp.lock} to {@code target}
	 * in it, and holds until told.
	 */
	static Command squatWithLink(Path directory, Path target) {
		return new Command("squat", directory, "link", target);
	}

	/**
	 * Creates {@code directory} with a {@code tcp.lock} that it locks whole, and holds
	 * until told.
	 */
	static Command squatWithLockedFile(Path directory) {
		return new Command("squat", directory, "lock");
	}

	/**
	 * Tries to open another user's lock file for writing (to lock it), for reading (to
	 * lock it shared), and to create a file next to it.
	 */
	static Command openLockFile(Path file) {
		return new Command("open-lock-file", file);
	}

	/**
	 * Blocks of the default backend, whose temporary directory is
	 * {@code temporaryDirectory} (its default lock directory lies there): one acquire per
	 * start, 0 for any free block.
	 */
	static Command acquireWithTemporaryDirectory(Path temporaryDirectory, Protocol protocol, int size, int... starts) {
		List<Object> args = new ArrayList<>(List.of("acquire-with-tmpdir", temporaryDirectory, protocol.label(), size));
		Arrays.stream(starts).forEach(args::add);
		return new Command(args.toArray());
	}

	/** {@code count} wildcard blocks of {@code size}, each released at once. */
	static Command acquireRepeatedly(Protocol protocol, int count, int size) {
		return new Command("acquire-repeatedly", protocol.label(), count, size);
	}

	/**
	 * {@code count} persistent blocks of {@code size} ports, {@code stride} apart from
	 * {@code start}; each odd one deleted right after it is created.
	 */
	static Command persistMany(int start, int size, int count, int stride) {
		return new Command("persist-many", start, size, count, stride);
	}

	/**
	 * Binds a port with an ordinary channel, prints {@code holding}, and closes it when a
	 * line arrives: the process a lease is handed off to.
	 */
	static Command hold(Protocol protocol, int port) {
		return new Command("hold", protocol.label(), port);
	}

	/** What the intruder is told to do. */
	static final class Command {

		private final String[] args;

		private Command(Object... args) {
			this.args = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
		}

		/** Starts the intruder as this user. */
		JavaProcess start() {
			return JavaProcess.start(Intruder.class, this.args);
		}

		/** Starts the intruder with a limit of open file descriptors. */
		JavaProcess startWithOpenFileLimit(int limit) {
			return JavaProcess.startWithOpenFileLimit(limit, Intruder.class, this.args);
		}

		/** Starts the intruder as another user. */
		JavaProcess startAs(int uid) {
			return JavaProcess.startAs(uid, Intruder.class, this.args);
		}

		/**
		 * Runs a taking command to its end.
		 * @return how many attempts got a port of the range
		 */
		int taken() {
			try (JavaProcess intruder = start()) {
				return taken(intruder);
			}
		}

		/**
		 * Runs a taking command to its end as another user.
		 * @return how many attempts got a port of the range
		 */
		int takenAs(int uid) {
			try (JavaProcess intruder = startAs(uid)) {
				return taken(intruder);
			}
		}

		private static int taken(JavaProcess intruder) {
			int taken = Integer.parseInt(intruder.readLineStartingWith("taken "));
			if (intruder.waitFor() != 0) {
				throw new AssertionError("The intruder failed: " + intruder.errors());
			}
			return taken;
		}

	}

	public static void main(String[] args) throws Exception {
		String command = args[0];
		switch (command) {
			case "acquire" -> acquireAnyBlocks(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "backend" -> System.out.println(PortReservations.forCurrentPlatform().backend());
			case "serve-once" -> serveOneConnection(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "persist" -> createPersistent(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "acquire-at" -> acquireAt(PortReservations.forCurrentPlatform(),
					Protocol.valueOf(args[1].toUpperCase()), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "holder" -> holdBlock(Protocol.valueOf(args[1].toUpperCase()), Integer.parseInt(args[2]),
					Boolean.parseBoolean(args[3]), (args.length > 4) ? args[4].split(",") : new String[0]);
			case "hold" -> holdPort(Protocol.valueOf(args[1].toUpperCase()), Integer.parseInt(args[2]));
			case "acquire-at-with-own-locks" ->
				acquireAt(new UnixPortReservations(Files.createTempDirectory("other-locks")),
						Protocol.valueOf(args[1].toUpperCase()), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "squat" -> squat(Path.of(args[1]), args[2], (args.length > 3) ? Path.of(args[3]) : null);
			case "open-lock-file" -> tryToOpenLockFile(Path.of(args[1]));
			case "acquire-with-tmpdir" -> acquireWithTemporaryDirectory(args);
			case "acquire-repeatedly" -> acquireAndRelease(Protocol.valueOf(args[1].toUpperCase()),
					Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "persist-many" -> createAndDeletePersistent(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
					Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			default -> {
				Protocol protocol = Protocol.valueOf(args[1].toUpperCase());
				int first = Integer.parseInt(args[2]);
				int last = Integer.parseInt(args[3]);
				List<String> got = switch (command) {
					case "bind" -> explicitBinds(protocol, first, last, false);
					case "reuseport" -> explicitBinds(protocol, first, last, true);
					case "bind-at" -> bindsAt(protocol, first, args[4].split(","));
					case "ipv6-only-first" -> ipv6SideFirst(protocol, first, last);
					case "autobind" -> autobinds(protocol, first, last, Integer.parseInt(args[4]));
					case "connect" -> connects(protocol, first, last, Integer.parseInt(args[4]));
					case "hammer" -> bindRepeatedly(protocol, first, last, Long.parseLong(args[4]));
					default -> throw new IllegalArgumentException(command);
				};
				System.out.println("taken " + got.size());
				got.forEach((line) -> System.out.println("got " + line));
			}
		}
		System.out.flush();
	}

	private static List<String> explicitBinds(Protocol protocol, int first, int last, boolean reusePort)
			throws IOException {
		List<String> got = new ArrayList<>();
		for (int port = first; port <= last; port++) {
			if (protocol == Protocol.TCP) {
				// ServerSocketChannel sets SO_REUSEADDR by default on Unix; SocketChannel
				// does not.
				tryBind(got, port, "server-socket-channel", ServerSocketChannel::open, null, reusePort);
				tryBind(got, port, "socket-channel", SocketChannel::open, false, reusePort);
				tryBind(got, port, "socket-channel+SO_REUSEADDR", SocketChannel::open, true, reusePort);
				tryBind(got, port, "loopback-socket-channel+SO_REUSEADDR", SocketChannel::open, true, reusePort,
						InetAddress.getLoopbackAddress());
				tryBind(got, port, "ipv4-server-socket-channel", () -> ServerSocketChannel.open(INET), null, reusePort);
				tryBind(got, port, "ipv4-socket-channel+SO_REUSEADDR", () -> SocketChannel.open(INET), true, reusePort);
			}
			else {
				tryBind(got, port, "datagram-channel", DatagramChannel::open, false, reusePort);
				tryBind(got, port, "datagram-channel+SO_REUSEADDR", DatagramChannel::open, true, reusePort);
				tryBind(got, port, "loopback-datagram-channel+SO_REUSEADDR", DatagramChannel::open, true, reusePort,
						InetAddress.getLoopbackAddress());
				tryBind(got, port, "ipv4-datagram-channel+SO_REUSEADDR", () -> DatagramChannel.open(INET), true,
						reusePort);
			}
		}
		return got;
	}

	private static List<String> bindsAt(Protocol protocol, int port, String[] addresses) throws IOException {
		List<String> got = new ArrayList<>();
		Opener opener = (protocol == Protocol.TCP) ? ServerSocketChannel::open : DatagramChannel::open;
		for (String address : addresses) {
			InetAddress local = InetAddress.getByName(address);
			tryBind(got, port, "at " + address, opener, false, false, local);
			tryBind(got, port, "at " + address + "+SO_REUSEADDR", opener, true, false, local);
		}
		return got;
	}

	private static List<String> ipv6SideFirst(Protocol protocol, int first, int last) throws IOException {
		List<String> got = new ArrayList<>();
		for (int port = first; port <= last; port++) {
			for (boolean reusePort : new boolean[] { false, true }) {
				if (bindIpv6Only(protocol, port, reusePort)) {
					got.add(port + " ipv6-only" + (reusePort ? "+SO_REUSEPORT" : ""));
				}
			}
			if (protocol == Protocol.TCP) {
				listenDualStack(got, port);
			}
			else {
				tryBind(got, port, "dual-stack", DatagramChannel::open, false, true);
			}
		}
		return got;
	}

	private static boolean bindIpv6Only(Protocol protocol, int port, boolean reusePort) {
		try (NativeSocket socket = NativeSocket.open(true, protocol)) {
			socket.setOption(LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, 1);
			if (reusePort) {
				socket.setOption(LibC.SOL_SOCKET, LibC.SO_REUSEPORT, 1);
			}
			socket.bindWildcard(true, port);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void listenDualStack(List<String> got, int port) throws IOException {
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			server.bind(new InetSocketAddress(port), 1);
			got.add(port + " dual-stack+SO_REUSEPORT");
			server.configureBlocking(false);
			try (SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
				Thread.sleep(100);
				try (SocketChannel accepted = server.accept()) {
					if (accepted != null) {
						got.add(port + " dual-stack+SO_REUSEPORT accepted " + accepted.getRemoteAddress());
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				// The connection went elsewhere: the bind is what counts.
			}
		}
		catch (IOException ex) {
			// Refused: what the reservation is for.
		}
	}

	private static void tryBind(List<String> got, int port, String how, Opener opener, Boolean reuseAddress,
			boolean reusePort) throws IOException {
		tryBind(got, port, how, opener, reuseAddress, reusePort, null);
	}

	private static void tryBind(List<String> got, int port, String how, Opener opener, Boolean reuseAddress,
			boolean reusePort, InetAddress address) throws IOException {
		try (NetworkChannel channel = opener.open()) {
			if (reuseAddress != null) {
				channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
			}
			if (reusePort) {
				channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			}
			SocketAddress local = (address != null) ? new InetSocketAddress(address, port)
					: new InetSocketAddress(port);
			if (channel instanceof ServerSocketChannel server) {
				server.bind(local, 0);
			}
			else {
				channel.bind(local);
			}
			got.add(port + " " + how + (reusePort ? "+SO_REUSEPORT" : ""));
		}
		catch (IOException ex) {
			// Refused: what the reservation is for.
		}
	}

	private static List<String> bindRepeatedly(Protocol protocol, int first, int last, long millis) throws IOException {
		System.out.println("started");
		System.out.flush();
		List<String> got = new ArrayList<>();
		long end = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < end) {
			got.addAll(explicitBinds(protocol, first, last, false));
		}
		return got;
	}

	private static List<String> autobinds(Protocol protocol, int first, int last, int count) throws IOException {
		List<NetworkChannel> open = new ArrayList<>();
		List<String> got = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				NetworkChannel channel = (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
				open.add(channel);
				channel.bind(new InetSocketAddress(0));
				record(got, channel.getLocalAddress(), first, last, "bind(0)");
			}
		}
		finally {
			closeAll(open);
		}
		return got;
	}

	private static List<String> connects(Protocol protocol, int first, int last, int count) throws IOException {
		List<NetworkChannel> open = new ArrayList<>();
		List<String> got = new ArrayList<>();
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), count);
			SocketAddress target = server.getLocalAddress();
			for (int i = 0; i < count; i++) {
				if (protocol == Protocol.TCP) {
					SocketChannel channel = SocketChannel.open(target);
					// Reset on close: thousands of TIME_WAIT ports would crowd later
					// tests out of the range.
					channel.setOption(StandardSocketOptions.SO_LINGER, 0);
					open.add(channel);
					open.add(server.accept());
					record(got, channel.getLocalAddress(), first, last, "connect()");
				}
				else {
					DatagramChannel channel = DatagramChannel.open();
					open.add(channel);
					channel.connect(target);
					record(got, channel.getLocalAddress(), first, last, "connect()");
				}
			}
		}
		finally {
			closeAll(open);
		}
		return got;
	}

	private static void acquireAnyBlocks(int blocks, int size) throws IOException {
		PortReservations reservations = PortReservations.forCurrentPlatform();
		List<PortReservation> held = new ArrayList<>();
		for (int i = 0; i < blocks; i++) {
			PortReservation reservation = reservations.acquire(Protocol.TCP, 0, size);
			held.add(reservation);
			System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
		}
		holdUntilTold(held);
	}

	private static void acquireAt(PortReservations reservations, Protocol protocol, int start, int size)
			throws IOException {
		List<PortReservation> held = new ArrayList<>();
		try {
			PortReservation reservation = reservations.acquire(protocol, start, size);
			held.add(reservation);
			System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
		}
		catch (PortReservationException ex) {
			System.out.println("refused " + ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
		holdUntilTold(held);
	}

	private static void createPersistent(int start, int size) {
		try {
			PortReservations.forCurrentPlatform().createPersistent(Protocol.TCP, start, size);
			System.out.println("created");
		}
		catch (PortReservationException ex) {
			System.out.println("refused " + ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
	}

	private static void serveOneConnection(int start, int size) throws IOException {
		try (PortReservation reservation = PortReservations.forCurrentPlatform().acquire(Protocol.TCP, start, size);
				ServerSocketChannel server = reservation.openServerSocketChannel(start)) {
			System.out.println("ready");
			System.out.flush();
			server.accept().close();
		}
		System.out.println("closed");
		System.out.flush();
	}

	private static void squat(Path directory, String what, Path target) throws IOException {
		Files.createDirectory(directory);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path file = directory.resolve("tcp.lock");
		FileLock lock = null;
		if ("link".equals(what)) {
			Files.createSymbolicLink(file, target);
		}
		else if ("lock".equals(what)) {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
			lock = channel.lock(0, Long.MAX_VALUE, false);
		}
		holdUntilTold(List.of());
		if (lock != null) {
			lock.channel().close();
		}
	}

	private static void tryToOpenLockFile(Path file) {
		tryOpen("write-and-lock", () -> {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
				channel.lock(0, Long.MAX_VALUE, false).release();
			}
		});
		tryOpen("read-and-lock-shared", () -> {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				channel.lock(0, Long.MAX_VALUE, true).release();
			}
		});
		tryOpen("create-beside", () -> {
			Path beside = file.resolveSibling("intruder.lock");
			Files.createFile(beside);
			Files.delete(beside);
		});
		System.out.flush();
	}

	private static void tryOpen(String how, FileAction action) {
		try {
			action.run();
			System.out.println(how + " opened");
		}
		catch (IOException ex) {
			System.out.println(how + " denied " + ex.getClass().getSimpleName());
		}
	}

	private static void acquireWithTemporaryDirectory(String[] args) throws IOException {
		System.setProperty("java.io.tmpdir", args[1]);
		System.out.println("directory " + UnixPortReservations.defaultLockDirectory());
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in)).readLine();
		PortReservations reservations = new UnixPortReservations();
		Protocol protocol = Protocol.valueOf(args[2].toUpperCase());
		int size = Integer.parseInt(args[3]);
		List<PortReservation> held = new ArrayList<>();
		for (String start : Arrays.copyOfRange(args, 4, args.length)) {
			try {
				PortReservation reservation = reservations.acquire(protocol, Integer.parseInt(start), size);
				held.add(reservation);
				System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
			}
			catch (PortReservationException ex) {
				System.out.println("refused " + ex.getClass().getSimpleName() + " " + ex.getMessage());
			}
		}
		holdUntilTold(held);
	}

	private static void acquireAndRelease(Protocol protocol, int count, int size) {
		PortReservations reservations = PortReservations.forCurrentPlatform();
		for (int i = 0; i < count; i++) {
			try (PortReservation reservation = reservations.acquire(protocol, 0, size)) {
				System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
			}
			catch (PortReservationException ex) {
				System.out.println("refused " + ex.getClass().getSimpleName() + " " + ex.getMessage());
			}
		}
		System.out.println("done");
		System.out.flush();
	}

	private static void createAndDeletePersistent(int start, int size, int count, int stride) throws IOException {
		PortReservations reservations = PortReservations.forCurrentPlatform();
		System.out.println("ready");
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in)).readLine();
		for (int i = 0; i < count; i++) {
			int first = start + i * stride;
			try {
				reservations.createPersistent(Protocol.TCP, first, size);
				if (i % 2 == 1) {
					reservations.deletePersistent(Protocol.TCP, first, size);
				}
			}
			catch (RuntimeException ex) {
				System.out.println("failed " + ex.getClass().getSimpleName() + " " + ex.getMessage());
			}
		}
		System.out.println("done");
		System.out.flush();
	}

	private static void holdBlock(Protocol protocol, int size, boolean bindChannel, String[] properties)
			throws IOException {
		for (String property : properties) {
			String[] nameAndValue = property.split("=", 2);
			System.setProperty(nameAndValue[0], nameAndValue[1]);
		}
		try (DatagramChannel probe = DatagramChannel.open()) {
			System.out.println("local " + probe.bind(new InetSocketAddress(0)).getLocalAddress());
		}
		PortReservations reservations = PortReservations.forCurrentPlatform();
		System.out.println("backend " + reservations.backend());
		try (PortReservation reservation = reservations.acquire(protocol, 0, size)) {
			System.out.println("block " + reservation.startPort() + " " + reservation.endPort());
			NetworkChannel channel = !bindChannel ? null : (protocol == Protocol.TCP)
					? reservation.openServerSocketChannel() : reservation.openDatagramChannel();
			System.out.println("ready");
			System.out.flush();
			BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
			input.readLine();
			if (channel != null) {
				channel.close();
				System.out.println("closed");
				System.out.flush();
				input.readLine();
			}
		}
	}

	private static void holdPort(Protocol protocol, int port) throws IOException {
		try (NetworkChannel channel = (protocol == Protocol.TCP) ? ServerSocketChannel.open()
				: DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(port));
			System.out.println("holding");
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in)).readLine();
		}
	}

	private static void holdUntilTold(List<PortReservation> held) throws IOException {
		System.out.println("ready");
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in)).readLine();
		held.forEach(PortReservation::close);
	}

	private static void record(List<String> got, SocketAddress local, int first, int last, String how) {
		int port = ((InetSocketAddress) local).getPort();
		if (port >= first && port <= last) {
			got.add(port + " " + how);
		}
	}

	private static void closeAll(List<NetworkChannel> channels) {
		for (NetworkChannel channel : channels) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Best effort; the process exits next.
			}
		}
	}

	private interface Opener {

		NetworkChannel open() throws IOException;

	}

	private interface FileAction {

		void run() throws IOException;

	}

}
