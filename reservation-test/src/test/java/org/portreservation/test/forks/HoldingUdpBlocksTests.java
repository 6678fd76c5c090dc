package org.portreservation.test.forks;

import org.portreservation.Protocol;
import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "echo", protocol = Protocol.UDP, numberOfPorts = 48),
		@PortBlock(name = "web", numberOfPorts = 16) })
class HoldingUdpBlocksTests extends ForkedTestSupport {

}
