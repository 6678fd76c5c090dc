package org.portreservation.boot;

import java.util.List;
import java.util.Set;

import org.portreservation.PortReservationException;

/**
 * A block was asked for by a name that no reserved block has.
 *
 * @since 0.1.0
 */
public class UnknownBlockException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	private final String name;

	private final List<String> knownNames;

	/**
	 * Creates the exception.
	 * @param name the name asked for
	 * @param knownNames the names of the reserved blocks
	 */
	public UnknownBlockException(String name, Set<String> knownNames) {
		super("No reserved block is named '" + name + "'; the reserved blocks are " + knownNames
				+ ". Configure it under portreservation.blocks." + name
				+ " (a block that could not be reserved while portreservation.fail-fast is false is left out)");
		this.name = name;
		this.knownNames = List.copyOf(knownNames);
	}

	/**
	 * The name asked for.
	 * @return the unknown name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The names of the reserved blocks, in configuration order.
	 * @return the known names
	 */
	public List<String> knownNames() {
		return this.knownNames;
	}

}
