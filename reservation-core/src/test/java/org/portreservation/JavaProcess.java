package org.portreservation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second JVM running a main class from the test class path, talked to line by line over
 * stdin and stdout.
 */
public final class JavaProcess implements AutoCloseable {

	private static final String END = "\u0000end";

	private final Process process;

	private final PrintWriter input;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final StringBuffer errors = new StringBuffer();

	private JavaProcess(Process process) {
		this.process = process;
		this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
		pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
	}

	/**
	 * Starts {@code main} in a new JVM of this user with this JVM's class path.
	 * @param main the class whose {@code main} to run
	 * @param args its arguments
	 * @return the running process
	 */
	public static JavaProcess start(Class<?> main, String... args) {
		return start(List.of(), System.getProperty("java.class.path"), main, args);
	}

	/**
	 * Starts {@code main} in a new JVM as another user, through {@code setpriv}, with a
	 * world-readable copy of the class path.
	 * @param uid the numeric user and group id, such as 65534 for {@code nobody}
	 * @param main the class whose {@code main} to run
	 * @param args its arguments
	 * @return the running process
	 */
	public static JavaProcess startAs(int uid, Class<?> main, String... args) {
		List<String> prefix = List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--reset-env");
		return start(prefix, readableCopyOfClassPath(), main, args);
	}

	/**
	 * Starts {@code main} in a new JVM of this user whose {@code RLIMIT_NOFILE} is
	 * {@code limit}, through {@code prlimit}.
	 * @param limit the soft and hard limit of open file descriptors
	 * @param main the class whose {@code main} to run
	 * @param args its arguments
	 * @return the running process
	 */
	public static JavaProcess startWithOpenFileLimit(int limit, Class<?> main, String... args) {
		return start(List.of("prlimit", "--nofile=" + limit + ":" + limit, "--"), System.getProperty("java.class.path"),
				main, args);
	}

	private static JavaProcess start(List<String> prefix, String classPath, Class<?> main, String... args) {
		List<String> command = new ArrayList<>(prefix);
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-cp");
		command.add(classPath);
		command.add(main.getName());
		command.addAll(List.of(args));
		try {
			return new JavaProcess(new ProcessBuilder(command).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	/**
	 * The next line the process printed.
	 * @return the line
	 * @throws AssertionError if none comes within 60 seconds or the process ended
	 */
	public String readLine() {
		try {
			String line = this.lines.poll(60, TimeUnit.SECONDS);
			if (line == null || END.equals(line)) {
				throw new AssertionError("No output from " + this.process.info().commandLine().orElse("the process")
						+ "; its stderr: " + this.errors);
			}
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * Reads lines until one starts with a prefix, and returns the rest of it.
	 * @param prefix the prefix, such as {@code "ready "}
	 * @return the line without the prefix
	 */
	public String readLineStartingWith(String prefix) {
		while (true) {
			String line = readLine();
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length());
			}
		}
	}

	/**
	 * Sends a line to the process's stdin.
	 * @param line the line
	 */
	public void send(String line) {
		this.input.println(line);
	}

	/**
	 * Waits for the process to end.
	 * @return its exit code
	 */
	public int waitFor() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new AssertionError("The process did not end; its stderr: " + this.errors);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * The process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Kills the process as {@code kill -9} does and waits for it to end.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/**
	 * What the process wrote to stderr so far.
	 * @return the text
	 */
	public String errors() {
		return this.errors.toString();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void pump(BufferedReader reader, boolean output) {
		Thread thread = new Thread(() -> {
			try (reader) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (output) {
						this.lines.add(line);
					}
					else {
						this.errors.append(line).append('\n');
					}
				}
			}
			catch (IOException ex) {
				this.errors.append(ex).append('\n');
			}
			finally {
				if (output) {
					this.lines.add(END);
				}
			}
		}, "java-process-" + (output ? "out" : "err"));
		thread.setDaemon(true);
		thread.start();
	}

	private static String readableCopyOfClassPath() {
		try {
			Path directory = Files.createTempDirectory("portreservation-classpath");
			directory.toFile().deleteOnExit();
			List<String> entries = new ArrayList<>();
			int index = 0;
			for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
				Path source = Path.of(entry);
				if (!Files.exists(source)) {
					continue;
				}
				Path target = directory.resolve((index++) + "-" + source.getFileName());
				copy(source, target);
				entries.add(target.toString());
			}
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.forEach((path) -> {
					path.toFile().setReadable(true, false);
					path.toFile().setExecutable(true, false);
				});
			}
			return String.join(java.io.File.pathSeparator, entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void copy(Path source, Path target) throws IOException {
		if (!Files.isDirectory(source)) {
			Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			return;
		}
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}
