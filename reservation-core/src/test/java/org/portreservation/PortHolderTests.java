package org.portreservation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PortHolder} on this machine's real {@code /proc}, with second JVMs
 * holding the ports.
 */
@EnabledOnOs(OS.LINUX)
class PortHolderTests {

	@Test
	void namesTheProcessOfThisUserThatHoldsATcpPort() {
		int port = FreeBlocks.start(Protocol.TCP, 1);
		try (JavaProcess holder = SocketHolder.hold(Protocol.TCP, port)) {
			PortHolder found = PortHolder.of(Protocol.TCP, port).orElseThrow();
			assertThat(found.pid()).isEqualTo(holder.pid());
			assertThat(found.command()).isEqualTo("java");
			assertThat(found.commandLine()).hasValueSatisfying(
					(commandLine) -> assertThat(commandLine).endsWith(SocketHolder.class.getName() + " tcp " + port));
			assertThat(found).hasToString("process " + holder.pid() + " (java)");
		}
	}

	@Test
	void theCommandLineIsWholeEvenBeyondTheJdksLimitOf4096Bytes() {
		int port = FreeBlocks.start(Protocol.TCP, 1);
		String longArgument = "x".repeat(5000);
		try (JavaProcess holder = JavaProcess.start(SocketHolder.class, "tcp", Integer.toString(port), longArgument)) {
			assertThat(holder.readLine()).isEqualTo("bound");
			assertThat(PortHolder.of(Protocol.TCP, port).flatMap(PortHolder::commandLine)).hasValueSatisfying(
					(commandLine) -> assertThat(commandLine).endsWith(" tcp " + port + " " + longArgument));
		}
	}

	@Test
	void namesTheProcessOfAnotherUserThatHoldsAUdpPortWhenThisProcessMaySeeIt() {
		int port = FreeBlocks.start(Protocol.UDP, 1);
		try (JavaProcess holder = SocketHolder.holdAs(65534, Protocol.UDP, port)) {
			// These tests run as root, which sees every process's descriptors.
			assertThat(PortHolder.of(Protocol.UDP, port)).map(PortHolder::pid).hasValue(holder.pid());
			assertThat(PortHolder.of(Protocol.TCP, port)).isEmpty();
		}
	}

	@Test
	void aPortNobodyHoldsHasNoHolder() {
		assertThat(PortHolder.of(Protocol.TCP, FreeBlocks.start(Protocol.TCP, 1))).isEmpty();
	}

	@Test
	void portsOutOfRangeAndAMissingProtocolAreRefused() {
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> PortHolder.of(Protocol.TCP, 0))
			.withMessage("port must be between 1 and 65535, was 0");
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> PortHolder.of(Protocol.UDP, 65536))
			.withMessage("port must be between 1 and 65535, was 65536");
		assertThatExceptionOfType(InvalidReservationArgumentException.class).isThrownBy(() -> PortHolder.of(null, 8080))
			.withMessage("protocol must be TCP or UDP, was null");
	}

}
