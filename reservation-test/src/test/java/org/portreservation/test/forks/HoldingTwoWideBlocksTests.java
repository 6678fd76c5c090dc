package org.portreservation.test.forks;

import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "east", numberOfPorts = 96), @PortBlock(name = "west", numberOfPorts = 96) })
class HoldingTwoWideBlocksTests extends ForkedTestSupport {

}
