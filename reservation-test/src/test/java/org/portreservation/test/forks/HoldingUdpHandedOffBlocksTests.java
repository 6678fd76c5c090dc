package org.portreservation.test.forks;

import org.portreservation.Protocol;
import org.portreservation.test.PortBlock;
import org.portreservation.test.ReservePorts;

/**
 * One of the classes that the forks execution runs in parallel JVMs.
 */
@ReservePorts({ @PortBlock(name = "syslog", protocol = Protocol.UDP, numberOfPorts = 40, handOff = true),
		@PortBlock(name = "web", numberOfPorts = 40) })
class HoldingUdpHandedOffBlocksTests extends ForkedTestSupport {

}
