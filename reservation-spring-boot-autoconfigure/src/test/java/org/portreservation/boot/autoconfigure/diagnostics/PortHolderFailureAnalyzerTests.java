package org.portreservation.boot.autoconfigure.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portreservation.FreeBlocks;
import org.portreservation.JavaProcess;
import org.portreservation.Protocol;
import org.portreservation.SocketHolder;
import org.portreservation.boot.autoconfigure.Startups;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Full start-ups on a fixed port that another process holds, and the failure analysis
 * that names it; tests run as root here, so {@code /proc} shows every user's processes.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortHolderFailureAnalyzerTests {

	@Test
	void aFixedServerPortHeldByAnotherProcessNamesItAndSuggestsABlock(CapturedOutput output) {
		int port = FreeBlocks.start(Protocol.TCP, 1);
		try (JavaProcess holder = SocketHolder.hold(Protocol.TCP, port)) {
			assertThatException()
				.isThrownBy(() -> new Startups().run(WebApplicationType.SERVLET, "server.port=" + port));
			assertThat(output)
				.contains("The web server failed to start: port " + port
						+ " (server.port) is already in use by process " + holder.pid() + " (java), started as: ")
				.contains(SocketHolder.class.getName() + " tcp " + port + ".")
				.contains("Stop process " + holder.pid() + ", or set server.port to another port. To have a port "
						+ "no other process can take, reserve it and bind the web server from the block: leave "
						+ "server.port unset (or 0) and set portreservation.server.block to the name of a tcp block, "
						+ "for example portreservation.blocks.web.number-of-ports=1 and "
						+ "portreservation.server.block=web.")
				.doesNotContain("Identify and stop the process");
		}
	}

	@Test
	void aProcessOfAnotherUserIsNamedToo(CapturedOutput output) {
		int port = FreeBlocks.start(Protocol.TCP, 1);
		try (JavaProcess holder = SocketHolder.holdAs(65534, Protocol.TCP, port)) {
			assertThatException()
				.isThrownBy(() -> new Startups().run(WebApplicationType.REACTIVE, "server.port=" + port));
			assertThat(output).contains("is already in use by process " + holder.pid() + " (java)");
		}
	}

	@Test
	void aFixedManagementPortSuggestsTheManagementBlock(CapturedOutput output) {
		int port = FreeBlocks.start(Protocol.TCP, 1);
		try (JavaProcess holder = SocketHolder.hold(Protocol.TCP, port)) {
			assertThatException().isThrownBy(() -> new Startups().run(WebApplicationType.SERVLET, "server.port=0",
					"management.server.port=" + port));
			assertThat(output)
				.contains("The management server failed to start: port " + port + " (management.server.port) is "
						+ "already in use by process " + holder.pid())
				.contains("set portreservation.management.block to the name of a tcp block, for example "
						+ "portreservation.blocks.management.number-of-ports=1 and "
						+ "portreservation.management.block=management.");
		}
	}

	@Test
	void aPortOfTheApplicationsOwnBlockSuggestsBindingTheServerFromIt(CapturedOutput output) {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		assertThatException().isThrownBy(
				() -> new Startups().run(WebApplicationType.SERVLET, "portreservation.blocks.api.start-port=" + start,
						"portreservation.blocks.api.number-of-ports=2", "server.port=" + (start + 1)));
		assertThat(output)
			.contains("The web server failed to start: port " + (start + 1) + " (server.port) is held by this "
					+ "application's own block 'api', which the web server does not bind from.")
			.contains("Set portreservation.server.block=api so that the web server binds its port from the block, "
					+ "or set server.port to a port outside the block.");
	}

	@Test
	void aPortOfABlockNotReservedBecausePortReservationsAreDisabledIsLeftToBoot(CapturedOutput output) {
		int start = FreeBlocks.start(Protocol.TCP, 1);
		try (JavaProcess holder = SocketHolder.hold(Protocol.TCP, start)) {
			assertThatException()
				.isThrownBy(() -> new Startups().run(WebApplicationType.SERVLET, "portreservation.enabled=false",
						"portreservation.blocks.api.start-port=" + start, "server.port=" + start));
			assertThat(output).contains("is already in use by process " + holder.pid()).doesNotContain("own block");
		}
	}

	@Test
	void stepsAsideForBootsAnalysisWhenNoHolderIsKnown() {
		int port = FreeBlocks.start(Protocol.TCP, 1);
		FailureAnalysis analysis = new PortHolderFailureAnalyzer(new MockEnvironment())
			.analyze(new PortInUseException(port));
		assertThat(analysis).isNull();
	}

}
