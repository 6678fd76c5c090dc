package org.portreservation.test.forks;

import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "web", numberOfPorts = 64), @PortBlock(name = "admin", numberOfPorts = 8) })
class HoldingWebBlocksTests extends ForkedTestSupport {

}
