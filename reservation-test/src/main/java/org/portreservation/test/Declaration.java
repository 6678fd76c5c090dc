package org.portreservation.test;

import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.platform.commons.support.AnnotationSupport;

import org.portreservation.BlockArguments;
import org.portreservation.BlockArguments.Violation;
import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;

/**
 * The checked blocks of a test class's {@link ReservePorts}: equal when they declare the
 * same blocks, whatever class declares them, which makes them the key of
 * {@link BlockRegistry} and of Spring's context cache.
 */
final class Declaration {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	/**
	 * Where the declaration comes from, such as
	 * {@code @ReservePorts on com.example.MyTests}.
	 */
	private final String source;

	private final Map<String, DeclaredBlock> blocks;

	private Declaration(String source, Map<String, DeclaredBlock> blocks) {
		this.source = source;
		this.blocks = Collections.unmodifiableMap(blocks);
	}

	/**
	 * The declaration of a test class: on the class, a superclass, a composed annotation,
	 * or the enclosing class of a {@code @Nested} class.
	 * @throws InvalidReservationArgumentException if a block is wrong
	 */
	static @Nullable Declaration find(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = enclosingInstanceType(type)) {
			Optional<ReservePorts> annotation = AnnotationSupport.findAnnotation(type, ReservePorts.class);
			if (annotation.isPresent()) {
				return of(annotation.get(), "@ReservePorts on " + type.getName());
			}
		}
		return null;
	}

	/**
	 * The declaration of a test class that must have one.
	 * @throws InvalidReservationArgumentException if it has none or a block is wrong
	 */
	static Declaration of(Class<?> testClass) {
		Declaration declaration = find(testClass);
		if (declaration == null) {
			throw new InvalidReservationArgumentException(testClass.getName() + " has no @ReservePorts: declare its "
					+ "blocks with @ReservePorts(@PortBlock(name = \"...\")) on the class");
		}
		return declaration;
	}

	/** Checks every block before anything is reserved. */
	static Declaration of(ReservePorts annotation, String source) {
		if (annotation.value().length == 0) {
			throw new InvalidReservationArgumentException(
					source + " declares no block: add at least one @PortBlock(name = \"...\")");
		}
		Map<String, DeclaredBlock> blocks = new LinkedHashMap<>();
		for (org.portreservation.test.PortBlock declared : annotation.value()) {
			DeclaredBlock block = check(declared, source);
			if (blocks.putIfAbsent(block.name(), block) != null) {
				throw new InvalidReservationArgumentException(
						source + " declares two blocks named '" + block.name() + "': a name belongs to one block only");
			}
		}
		return new Declaration(source, blocks);
	}

	private static DeclaredBlock check(org.portreservation.test.PortBlock declared, String source) {
		String name = declared.name();
		if (!NAME.matcher(name).matches()) {
			throw new InvalidReservationArgumentException("@PortBlock(name = \"" + name + "\") of " + source
					+ ": name must be lower-case letters, digits and hyphens, starting with a letter or digit, as it "
					+ "becomes part of the property portreservation.test.blocks.<name>.port");
		}
		List<Violation> violations = BlockArguments.violations(declared.protocol(), declared.startPort(),
				declared.numberOfPorts(), false, BlockArguments.Argument::javaName);
		if (!violations.isEmpty()) {
			throw new InvalidReservationArgumentException(
					"@PortBlock(name = \"" + name + "\") of " + source + ": " + violations.get(0).message());
		}
		return new DeclaredBlock(name,
				PortBlock.of(declared.protocol(), declared.startPort(), declared.numberOfPorts()), declared.handOff());
	}

	/** The class whose instance a {@code @Nested} class's instance belongs to, if any. */
	private static @Nullable Class<?> enclosingInstanceType(Class<?> type) {
		boolean inner = type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
		return inner ? type.getEnclosingClass() : null;
	}

	String source() {
		return this.source;
	}

	Map<String, DeclaredBlock> blocks() {
		return this.blocks;
	}

	/**
	 * Reserves every block, or none: a failure releases those already reserved.
	 * @throws PortReservationException naming the block that could not be reserved
	 */
	ReservedBlocks reserve(PortReservations backend) {
		Map<String, PortReservation> reserved = new LinkedHashMap<>();
		for (DeclaredBlock block : this.blocks.values()) {
			try {
				reserved.put(block.name(), block.reserve(backend));
			}
			catch (RuntimeException ex) {
				PortReservationException failure = new PortReservationException("Could not reserve the block '"
						+ block.name() + "' (" + block.block() + ") of " + this.source + ": " + ex.getMessage(), ex);
				ReservedBlocks.releaseAll(reserved.values(), failure);
				throw failure;
			}
		}
		return new ReservedBlocks(this, reserved);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Declaration declaration && this.blocks.equals(declaration.blocks);
	}

	@Override
	public int hashCode() {
		return this.blocks.hashCode();
	}

	@Override
	public String toString() {
		return this.source + " " + this.blocks.values();
	}

}
