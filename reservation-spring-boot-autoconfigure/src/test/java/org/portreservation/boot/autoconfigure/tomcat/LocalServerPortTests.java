package org.portreservation.boot.autoconfigure.tomcat;

import org.junit.jupiter.api.Test;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link SpringBootTest} with a random port: the port it injects is one of the block.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portreservation.blocks.web.number-of-ports=4", "portreservation.server.block=web" })
class LocalServerPortTests {

	@LocalServerPort
	private int localServerPort;

	@Value("${local.server.port}")
	private int localServerPortProperty;

	@Autowired
	private PortReservationTemplate template;

	@Test
	void injectedPortIsThePortOfTheBlockThatTheServerListensOn() {
		assertThat(this.template.getReservation("web").contains(this.localServerPort)).isTrue();
		assertThat(this.localServerPortProperty).isEqualTo(this.localServerPort);
		assertThat(this.template.getReservation("web").portsInUse()).containsExactly(this.localServerPort);
	}

}
