package org.portreservation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The rules a block request must follow, in one place for every backend and for
 * configuration binders, which name the arguments their own way ({@code startPort} in
 * Java, {@code portreservation.blocks.web.start-port} in properties).
 *
 * @since 0.1.0
 */
public final class BlockArguments {

	/** The highest port number. */
	public static final int MAX_PORT = 65535;

	private static final Function<Argument, String> JAVA_NAMES = Argument::javaName;

	private BlockArguments() {
	}

	/**
	 * Checks a request with the Java names of the arguments.
	 * @param protocol must not be null
	 * @param startPort 0 (only if not persistent) or 1 to 65535
	 * @param numberOfPorts 1 to 65535, and the block must end at 65535 or below
	 * @param persistent whether the request is for a persistent reservation
	 * @throws InvalidReservationArgumentException naming the first wrong argument and
	 * what is allowed
	 */
	public static void check(@Nullable Protocol protocol, int startPort, int numberOfPorts, boolean persistent) {
		List<Violation> violations = violations(protocol, startPort, numberOfPorts, persistent, JAVA_NAMES);
		if (!violations.isEmpty()) {
			throw new InvalidReservationArgumentException(violations.get(0).message());
		}
	}

	/**
	 * Checks that a runtime request names a block.
	 * @param block the request
	 * @return the block
	 * @throws InvalidReservationArgumentException if {@code block} is null
	 */
	static PortBlock runtimeBlock(@Nullable PortBlock block) {
		if (block == null) {
			throw new InvalidReservationArgumentException("block must not be null");
		}
		return block;
	}

	/**
	 * Checks that a persistent request names its ports.
	 * @param block the request
	 * @return the block
	 * @throws InvalidReservationArgumentException if {@code block} is null or asks for
	 * any free block
	 */
	static PortBlock persistentBlock(@Nullable PortBlock block) {
		block = runtimeBlock(block);
		check(block.protocol(), block.startPort(), block.numberOfPorts(), true);
		return block;
	}

	/**
	 * Checks a persistent request with the Java names of the arguments and makes its
	 * block.
	 * @param protocol must not be null
	 * @param startPort 1 to 65535
	 * @param numberOfPorts 1 to 65535, and the block must end at 65535 or below
	 * @return the block
	 * @throws InvalidReservationArgumentException naming the first wrong argument and
	 * what is allowed
	 */
	static PortBlock persistentBlock(@Nullable Protocol protocol, int startPort, int numberOfPorts) {
		check(protocol, startPort, numberOfPorts, true);
		return new PortBlock(protocol, startPort, numberOfPorts);
	}

	/**
	 * Every rule a request breaks, each with a message that names the argument as the
	 * caller knows it.
	 * @param protocol the protocol, null breaks a rule
	 * @param startPort the first port, or 0 for any free block
	 * @param numberOfPorts the number of ports
	 * @param persistent whether the request is for a persistent reservation
	 * @param names how the caller names each argument
	 * @return the violations, empty if the request is valid
	 */
	public static List<Violation> violations(@Nullable Protocol protocol, int startPort, int numberOfPorts,
			boolean persistent, Function<Argument, String> names) {
		String start = names.apply(Argument.START_PORT);
		String count = names.apply(Argument.NUMBER_OF_PORTS);
		List<Violation> violations = new ArrayList<>();
		if (protocol == null) {
			violations.add(
					new Violation(Argument.PROTOCOL, names.apply(Argument.PROTOCOL) + " must be TCP or UDP, was null"));
		}
		boolean startValid = startPort >= 0 && startPort <= MAX_PORT;
		boolean countValid = numberOfPorts >= 1 && numberOfPorts <= MAX_PORT;
		if (!startValid) {
			violations.add(new Violation(Argument.START_PORT, start + " must be 0 (any free block) or a port between 1 "
					+ "and " + MAX_PORT + ", was " + startPort));
		}
		if (!countValid) {
			violations.add(new Violation(Argument.NUMBER_OF_PORTS,
					count + " must be between 1 and " + MAX_PORT + ", was " + numberOfPorts));
		}
		long endPort = (long) startPort + numberOfPorts - 1;
		if (startValid && countValid && startPort != 0 && endPort > MAX_PORT) {
			violations.add(new Violation(Argument.NUMBER_OF_PORTS,
					count + " " + numberOfPorts + " makes the block " + startPort + "-" + endPort
							+ " run past the highest port " + MAX_PORT + ": from " + start + " " + startPort + ", "
							+ count + " can be at most " + (MAX_PORT - startPort + 1)));
		}
		if (persistent && startPort == 0) {
			violations.add(new Violation(Argument.START_PORT, start + " must be a port between 1 and " + MAX_PORT
					+ " for a persistent reservation, was 0: any free block (0) exists only for runtime reservations"));
		}
		return List.copyOf(violations);
	}

	/** The arguments of a block request. */
	public enum Argument {

		/** The protocol. */
		PROTOCOL("protocol"),

		/** The first port. */
		START_PORT("startPort"),

		/** The number of ports. */
		NUMBER_OF_PORTS("numberOfPorts");

		private final String javaName;

		Argument(String javaName) {
			this.javaName = javaName;
		}

		/**
		 * The argument's name in the Java API.
		 * @return for example {@code startPort}
		 */
		public String javaName() {
			return this.javaName;
		}

	}

	/**
	 * A broken rule.
	 *
	 * @param argument the argument that breaks it
	 * @param message what is wrong and what is allowed
	 */
	public record Violation(Argument argument, String message) {
	}

}
