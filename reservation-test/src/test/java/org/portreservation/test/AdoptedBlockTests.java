package org.portreservation.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter adopts a test's block: it takes the place of the configured block of its
 * name, which is never reserved (here it could not be: this JVM holds its port), and the
 * context that closes after each test leaves it to the test class, which still holds it.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "portreservation.server.block=web")
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
@TestMethodOrder(MethodOrderer.MethodName.class)
@ReservePorts(@PortBlock(name = "web", numberOfPorts = 2))
class AdoptedBlockTests {

	private static final PortReservation configuredBlockHeldElsewhere = PortReservations.forCurrentPlatform()
		.acquire(Protocol.TCP, 0, 1);

	@Autowired
	private PortReservationTemplate template;

	@LocalServerPort
	private int serverPort;

	@DynamicPropertySource
	static void configuredWebBlock(DynamicPropertyRegistry registry) {
		registry.add("portreservation.blocks.web.start-port", configuredBlockHeldElsewhere::startPort);
	}

	@Test
	void firstContextBindsTheServerFromTheTestsBlockInPlaceOfTheConfiguredOne(
			@ReservedPort("web") PortReservation web) {
		assertThat(this.template.getReservation("web")).isSameAs(web);
		assertThat(web.contains(this.serverPort)).isTrue();
	}

	@Test
	void secondContextBindsTheServerFromTheSameBlockAfterTheFirstContextClosed(
			@ReservedPort("web") PortReservation web) {
		assertThat(web.isOpen()).isTrue();
		assertThat(this.template.getReservation("web")).isSameAs(web);
		assertThat(web.contains(this.serverPort)).isTrue();
	}

}
