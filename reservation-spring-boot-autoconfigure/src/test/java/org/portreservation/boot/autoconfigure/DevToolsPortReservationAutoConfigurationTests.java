package org.portreservation.boot.autoconfigure;

import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portreservation.BindProbe;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DevToolsPortReservationAutoConfiguration}: contexts closed and started
 * again in this JVM as DevTools restarts them, with and without an initialized
 * {@link Restarter}.
 */
class DevToolsPortReservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(DevToolsPortReservationAutoConfiguration.class, PortReservationAutoConfiguration.class));

	private boolean restarterInitialized;

	@AfterEach
	void releaseKeptBlocksAndForgetTheRestarter() {
		if (this.restarterInitialized) {
			// A start without blocks releases every kept one.
			this.runner.run((context) -> assertThat(context).hasNotFailed());
		}
		Restarter.clearInstance();
	}

	@Test
	void withoutDevToolsRestartsBlocksAreReleasedWhenTheContextCloses() {
		Restarter.clearInstance();
		List<Integer> ports = startAndClose("portreservation.blocks.web.number-of-ports=2");
		assertThat(BindProbe.bindable(Protocol.TCP, ports)).containsExactlyElementsOf(ports);
	}

	@Test
	void withoutDevToolsOnTheClassPathBlocksAreReleasedWhenTheContextCloses() {
		initializeRestarter();
		List<Integer> ports = startAndClose(this.runner.withClassLoader(new FilteredClassLoader(Restarter.class)),
				"portreservation.blocks.web.number-of-ports=2");
		assertThat(BindProbe.bindable(Protocol.TCP, ports)).containsExactlyElementsOf(ports);
	}

	@Test
	void underDevToolsBlocksOutliveTheContextAndTheNextStartReusesThem() {
		initializeRestarter();
		List<Integer> first = startAndClose("portreservation.blocks.web.number-of-ports=2");
		assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, first)).isEmpty();
		assertThat(startAndClose("portreservation.blocks.web.number-of-ports=2")).isEqualTo(first);
	}

	@Test
	void underDevToolsABlockWhoseConfigurationChangedOrThatIsGoneIsReleased() {
		initializeRestarter();
		List<Integer> first = startAndClose("portreservation.blocks.web.number-of-ports=2");
		List<Integer> second = startAndClose("portreservation.blocks.web.number-of-ports=3");
		assertThat(second).hasSize(3);
		assertThat(BindProbe.bindable(Protocol.TCP, first))
			.containsExactlyElementsOf(first.stream().filter((port) -> !second.contains(port)).toList());
		startAndClose("portreservation.blocks.other.number-of-ports=1");
		assertThat(BindProbe.bindable(Protocol.TCP, second)).containsExactlyElementsOf(second);
	}

	@Test
	void underDevToolsAdHocBlocksAreStillReleasedWithTheContext() {
		initializeRestarter();
		AtomicReference<PortReservation> adHoc = new AtomicReference<>();
		this.runner
			.run((context) -> adHoc.set(context.getBean(PortReservationTemplate.class).acquire(Protocol.TCP, 0, 2)));
		assertThat(adHoc.get().isOpen()).isFalse();
	}

	@Test
	void aUserTemplateReplacesTheKeptOne() {
		initializeRestarter();
		this.runner
			.withBean("userTemplate", PortReservationTemplate.class,
					() -> new PortReservationTemplate(PortReservations.forCurrentPlatform()))
			.run((context) -> assertThat(context).getBean(PortReservationTemplate.class)
				.isSameAs(context.getBean("userTemplate")));
	}

	private List<Integer> startAndClose(String... properties) {
		return startAndClose(this.runner, properties);
	}

	private List<Integer> startAndClose(ApplicationContextRunner runner, String... properties) {
		AtomicReference<List<Integer>> ports = new AtomicReference<>();
		runner.withPropertyValues(properties).run((context) -> {
			PortReservation block = context.getBean(PortReservationTemplate.class)
				.getReservations()
				.values()
				.iterator()
				.next();
			ports.set(Ports.range(block.startPort(), block.numberOfPorts()));
		});
		return ports.get();
	}

	private void initializeRestarter() {
		this.restarterInitialized = true;
		Restarter.clearInstance();
		Restarter.initialize(new String[0], false, (thread) -> new URL[0], false);
	}

}
