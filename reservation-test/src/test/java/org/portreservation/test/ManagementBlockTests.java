package org.portreservation.test;

import org.junit.jupiter.api.Test;

import org.portreservation.PortReservation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter binds the main and the management server from two blocks of the test.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "portreservation.server.block=web",
				"portreservation.management.block=admin" })
@ReservePorts({ @PortBlock(name = "web"), @PortBlock(name = "admin") })
class ManagementBlockTests {

	@LocalServerPort
	private int serverPort;

	@LocalManagementPort
	private int managementPort;

	@Test
	void eachServerListensOnItsBlock(@ReservedPort("web") PortReservation web,
			@ReservedPort("admin") PortReservation admin) {
		assertThat(this.serverPort).isEqualTo(web.startPort());
		assertThat(this.managementPort).isEqualTo(admin.startPort());
		assertThat(admin.portsInUse()).containsExactly(this.managementPort);
	}

}
