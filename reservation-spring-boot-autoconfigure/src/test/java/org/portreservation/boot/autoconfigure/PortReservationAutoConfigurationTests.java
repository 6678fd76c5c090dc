package org.portreservation.boot.autoconfigure;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portreservation.BindProbe;
import org.portreservation.FreeBlocks;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortReservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PortReservationAutoConfiguration.class));

	@Test
	void providesThePlatformBackendAndATemplateWithoutBlocks() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PortReservationTemplate.class);
			assertThat(context).getBean(PortReservations.class).isSameAs(PortReservations.forCurrentPlatform());
			assertThat(context.getBean(PortReservationTemplate.class).getReservations()).isEmpty();
			assertThat(context.getBean(PortReservationTemplate.class).getPortReservations())
				.isSameAs(PortReservations.forCurrentPlatform());
		});
	}

	@Test
	void disabledProvidesNoBeansAndReservesNothing() {
		this.runner.withUserConfiguration(RecordingBackendConfiguration.class)
			.withPropertyValues("portreservation.enabled=false", "portreservation.blocks.web.number-of-ports=2")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PortReservationTemplate.class)
					.doesNotHaveBean(PortReservationProperties.class);
				assertThat(context.getBean(RecordingPortReservations.class).calls()).isEmpty();
			});
	}

	@Test
	void userBackendIsUsedInsteadOfThePlatformOne() {
		this.runner.withUserConfiguration(RecordingBackendConfiguration.class)
			.withPropertyValues("portreservation.blocks.web.number-of-ports=2")
			.run((context) -> {
				assertThat(context).hasSingleBean(PortReservations.class);
				assertThat(context.getBean(PortReservationTemplate.class).getPortReservations())
					.isSameAs(context.getBean(RecordingPortReservations.class));
				assertThat(context.getBean(RecordingPortReservations.class).calls()).containsExactly("acquire tcp 0 2");
			});
	}

	@Test
	void userTemplateReplacesTheConfiguredOne() {
		this.runner.withUserConfiguration(RecordingBackendConfiguration.class, UserTemplateConfiguration.class)
			.withPropertyValues("portreservation.blocks.web.number-of-ports=2")
			.run((context) -> {
				assertThat(context).getBean(PortReservationTemplate.class).isSameAs(context.getBean("userTemplate"));
				assertThat(context.getBean(RecordingPortReservations.class).calls()).isEmpty();
			});
	}

	@Test
	void blockDefaultsToOneTcpPortOfAnyFreeBlock() {
		this.runner.withPropertyValues("portreservation.blocks.solo.persistent=false").run((context) -> {
			PortReservation solo = context.getBean(PortReservationTemplate.class).getReservation("solo");
			assertThat(solo.protocol()).isEqualTo(Protocol.TCP);
			assertThat(solo.numberOfPorts()).isOne();
			assertThat(solo.persistent()).isFalse();
		});
	}

	@Test
	void blockIsReservedWithItsProtocolStartPortAndSize() {
		int start = FreeBlocks.start(Protocol.UDP, 3);
		this.runner
			.withPropertyValues("portreservation.blocks.echo.protocol=udp",
					"portreservation.blocks.echo.start-port=" + start, "portreservation.blocks.echo.number-of-ports=3")
			.run((context) -> {
				PortReservation echo = context.getBean(PortReservationTemplate.class).getReservation("echo");
				assertThat(echo.protocol()).isEqualTo(Protocol.UDP);
				assertThat(echo.startPort()).isEqualTo(start);
				assertThat(echo.numberOfPorts()).isEqualTo(3);
			});
	}

	@Test
	void blocksKeepTheirConfigurationOrder() {
		this.runner
			.withPropertyValues("portreservation.blocks.zulu.number-of-ports=1",
					"portreservation.blocks.alpha.number-of-ports=1", "portreservation.blocks.mike.number-of-ports=1")
			.run((context) -> assertThat(context.getBean(PortReservationTemplate.class).getReservations().keySet())
				.containsExactly("zulu", "alpha", "mike"));
	}

	@Test
	void blocksAreReleasedWhenTheContextCloses() {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		this.runner
			.withPropertyValues("portreservation.blocks.web.start-port=" + start,
					"portreservation.blocks.web.number-of-ports=2")
			.run((context) -> assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(start, 2))).isEmpty());
		assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(start, 2))).hasSize(2);
	}

	@Test
	void persistentBlockIsTakenOverOrElseCreated() {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		this.runner.withUserConfiguration(RecordingBackendConfiguration.class)
			.withPropertyValues("portreservation.blocks.fixed.start-port=" + start,
					"portreservation.blocks.fixed.number-of-ports=2", "portreservation.blocks.fixed.persistent=true")
			.run((context) -> assertThat(context.getBean(RecordingPortReservations.class).calls())
				.containsExactly("lookupPersistent tcp " + start + " 2", "createPersistent tcp " + start + " 2"));
	}

	@Test
	void managementBlockWithoutASeparateManagementPortIsWarnedAbout(CapturedOutput output) {
		this.runner
			.withPropertyValues("portreservation.blocks.management.number-of-ports=1",
					"portreservation.management.block=management")
			.run((context) -> assertThat(output).contains("portreservation.management.block names the block "
					+ "'management', but the management endpoints share the main server's port"));
	}

	@Test
	void managementBlockWithASeparateManagementPortIsNotWarnedAbout(CapturedOutput output) {
		this.runner
			.withPropertyValues("portreservation.blocks.management.number-of-ports=1",
					"portreservation.management.block=management", "management.server.port=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("portreservation.management.block names the block");
			});
	}

	@Test
	void withoutTheActuatorTheManagementBlockIsNotChecked() {
		this.runner.withClassLoader(new FilteredClassLoader(ManagementPortType.class))
			.withPropertyValues("portreservation.blocks.management.number-of-ports=1",
					"portreservation.management.block=management")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ManagementBlockCheck.class));
	}

	@Test
	void startupLogsOneLinePerBlockWithItsBackend(CapturedOutput output) {
		this.runner.withPropertyValues("portreservation.blocks.web.number-of-ports=2").run((context) -> {
			PortReservation web = context.getBean(PortReservationTemplate.class).getReservation("web");
			assertThat(output).contains("Reserved tcp block 'web' " + web.startPort() + "-" + web.endPort() + " ("
					+ PortReservations.forCurrentPlatform().backend().name() + ")");
		});
	}

	@Test
	void withoutFailFastABlockThatCannotBeReservedIsLeftOutWithAWarning(CapturedOutput output) throws Exception {
		int start = FreeBlocks.start(Protocol.TCP, 2);
		try (ServerSocket taken = new ServerSocket(start)) {
			this.runner
				.withPropertyValues("portreservation.fail-fast=false", "portreservation.blocks.web.start-port=" + start,
						"portreservation.blocks.web.number-of-ports=2",
						"portreservation.blocks.other.number-of-ports=1")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(PortReservationTemplate.class).getReservations())
						.containsOnlyKeys("other");
					assertThat(output).contains("WARN")
						.contains("Left out the block 'web' (tcp block " + start + "-" + (start + 1)
								+ ") because portreservation.fail-fast is false: Port " + start);
				});
		}
	}

	@Test
	void withFailFastABlockThatCannotBeReservedStopsStartupAndReleasesTheOthers() throws Exception {
		int first = FreeBlocks.start(Protocol.TCP, 2);
		int second = FreeBlocks.start(Protocol.TCP, 1);
		try (ServerSocket taken = new ServerSocket(second)) {
			this.runner
				.withPropertyValues("portreservation.blocks.first.start-port=" + first,
						"portreservation.blocks.first.number-of-ports=2",
						"portreservation.blocks.second.start-port=" + second)
				.run((context) -> {
					assertThat(context).getFailure()
						.hasStackTraceContaining(
								BlockAcquisitionException.class.getName() + ": Could not reserve the block 'second'")
						.hasStackTraceContaining(PortsInUseException.class.getName());
					assertThat(BindProbe.bindable(Protocol.TCP, Ports.range(first, 2))).hasSize(2);
				});
		}
	}

	@Test
	void invalidBlockFailsBeforeAnythingIsReserved() {
		RecordingPortReservations backend = new RecordingPortReservations();
		this.runner.withBean(RecordingPortReservations.class, () -> backend)
			.withPropertyValues("portreservation.blocks.first.number-of-ports=1",
					"portreservation.blocks.second.number-of-ports=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("portreservation.blocks.second.number-of-ports must be between 1 and 65535"));
		assertThat(backend.calls()).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingBackendConfiguration {

		@Bean
		RecordingPortReservations recordingPortReservations() {
			return new RecordingPortReservations();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		@Bean
		PortReservationTemplate userTemplate(PortReservations portReservations) {
			return new PortReservationTemplate(portReservations);
		}

	}

}
