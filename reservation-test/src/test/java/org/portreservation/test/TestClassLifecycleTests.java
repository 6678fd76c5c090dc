package org.portreservation.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Plain JUnit test classes, run by the JUnit Platform here: each holds its blocks from
 * before its first test until after its last, so the next class can reserve them, and a
 * parameter that names no block or has the wrong type fails with what is allowed.
 */
class TestClassLifecycleTests {

	@Test
	void aLaterClassCanReserveTheBlockOfAClassThatHasFinished() {
		Recorded.blocks.clear();
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
			.configurationParameter(ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME,
					ClassOrderer.OrderAnnotation.class.getName())
			.selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
			.execute();
		results.testEvents().assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(Recorded.blocks).hasSize(2);
		try (PortReservation again = PortReservations.forCurrentPlatform().acquire(Recorded.blocks.get(1))) {
			assertThat(again.isOpen()).isTrue();
		}
	}

	@Test
	void aParameterThatNamesNoBlockFailsNamingTheDeclaredBlocks() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(UnknownBlockParameter.class))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1, finishedWithFailure(message((text) -> text.contains("No block is named 'api' by the "
					+ "@ReservePorts on " + UnknownBlockParameter.class.getName() + ": its blocks are [web]"))));
	}

	@Test
	void aParameterOfAnotherTypeFailsNamingTheTypesAllowed() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(WrongTypeParameter.class))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1, finishedWithFailure(message((text) -> text.endsWith(
					"must be an int, an Integer or a org.portreservation.PortReservation, was java.lang.String"))));
	}

	@Test
	void anIndexOutsideTheBlockFailsNamingTheIndexesAllowed() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(IndexOutsideTheBlock.class))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1, finishedWithFailure(message(
					(text) -> text.contains("Index 2 is outside the block 'web'") && text.endsWith(": use 0 to 1"))));
	}

	static final class Recorded {

		static final List<PortBlock> blocks = new ArrayList<>();

	}

	@Order(1)
	@ReservePorts(@org.portreservation.test.PortBlock(name = "web", numberOfPorts = 2))
	static class FirstClass {

		@Test
		void holdsItsBlock(@ReservedPort("web") PortReservation web) {
			assertThat(OtherJvm.reserve(web.block())).startsWith("refused ");
			Recorded.blocks.add(web.block());
		}

	}

	@Order(2)
	@ReservePorts(@org.portreservation.test.PortBlock(name = "api"))
	static class SecondClass {

		@Test
		void reservesTheBlockOfTheFirstClassAgain(@ReservedPort("api") PortReservation api) {
			try (PortReservation again = PortReservations.forCurrentPlatform().acquire(Recorded.blocks.get(0))) {
				assertThat(again.isOpen()).isTrue();
			}
			Recorded.blocks.add(api.block());
		}

	}

	@ReservePorts(@org.portreservation.test.PortBlock(name = "web"))
	static class UnknownBlockParameter {

		@Test
		void api(@ReservedPort("api") int port) {
		}

	}

	@ReservePorts(@org.portreservation.test.PortBlock(name = "web"))
	static class WrongTypeParameter {

		@Test
		void web(@ReservedPort("web") String port) {
		}

	}

	@ReservePorts(@org.portreservation.test.PortBlock(name = "web", numberOfPorts = 2))
	static class IndexOutsideTheBlock {

		@Test
		void web(@ReservedPort(value = "web", index = 2) int port) {
		}

	}

}
