package org.portreservation.boot.autoconfigure;

import org.portreservation.PortReservationException;
import org.portreservation.boot.autoconfigure.PortReservationProperties.Block;

/**
 * A configured block could not be reserved at start-up while
 * {@code portreservation.fail-fast} is true.
 *
 * @since 0.1.0
 */
public class BlockAcquisitionException extends PortReservationException {

	private static final long serialVersionUID = 1L;

	private final String blockName;

	/**
	 * Creates the exception.
	 * @param blockName the block's name under {@code portreservation.blocks}
	 * @param block the block's configuration
	 * @param cause why the backend refused it
	 */
	public BlockAcquisitionException(String blockName, Block block, Throwable cause) {
		super("Could not reserve the block '" + blockName + "' (" + block + "): " + cause.getMessage(), cause);
		this.blockName = blockName;
	}

	/**
	 * The name of the block that could not be reserved.
	 * @return its name under {@code portreservation.blocks}
	 */
	public String blockName() {
		return this.blockName;
	}

}
