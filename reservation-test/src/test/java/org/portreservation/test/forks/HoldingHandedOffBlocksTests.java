package org.portreservation.test.forks;

import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "stub", numberOfPorts = 32, handOff = true),
		@PortBlock(name = "web", numberOfPorts = 32) })
class HoldingHandedOffBlocksTests extends ForkedTestSupport {

}
