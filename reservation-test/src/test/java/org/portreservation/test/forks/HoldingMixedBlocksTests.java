package org.portreservation.test.forks;

import org.portreservation.Protocol;
import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "web", numberOfPorts = 24),
		@PortBlock(name = "dns", protocol = Protocol.UDP, numberOfPorts = 24),
		@PortBlock(name = "smtp", numberOfPorts = 24, handOff = true) })
class HoldingMixedBlocksTests extends ForkedTestSupport {

}
