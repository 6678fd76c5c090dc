package org.portreservation.test.forks;

import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "one"), @PortBlock(name = "two", numberOfPorts = 2),
		@PortBlock(name = "three", numberOfPorts = 3), @PortBlock(name = "four", numberOfPorts = 4, handOff = true) })
class HoldingManySmallBlocksTests extends ForkedTestSupport {

}
