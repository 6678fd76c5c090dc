package org.portreservation.test;

import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;

/**
 * {@code portreservation.server.block} naming a test's block that no server can bind from
 * stops the context before it starts, saying which blocks will do.
 */
class ServerBlockTests {

	@Test
	void aHandedOffBlockCannotBeTheServersBlock() {
		assertFailsWith(HandedOffServerBlock.class,
				"portreservation.server.block names the block 'smtp' of the @ReservePorts on "
						+ HandedOffServerBlock.class.getName() + ", which is declared with handOff = true: its ports "
						+ "go to a server the test does not control, so none is left to bind this server from; name "
						+ "a block without handOff");
	}

	@Test
	void anUnknownServerBlockIsRefusedNamingTheTestsBlocks() {
		assertFailsWith(UnknownServerBlock.class,
				"portreservation.server.block names the block 'api', which is not configured: use the name of a tcp "
						+ "block configured under portreservation.blocks or adopted from @ReservePorts on "
						+ UnknownServerBlock.class.getName() + ", one of [web]");
	}

	private static void assertFailsWith(Class<?> testClass, String text) {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(testClass))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1, finishedWithFailure(new Condition<>((failure) -> causes(failure).contains(text),
					"a cause whose message contains \"%s\"", text)));
	}

	private static String causes(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "portreservation.server.block=smtp")
	@ReservePorts({ @PortBlock(name = "web"), @PortBlock(name = "smtp", handOff = true) })
	static class HandedOffServerBlock {

		@Test
		void starts() {
		}

	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "portreservation.server.block=api")
	@ReservePorts({ @PortBlock(name = "web"), @PortBlock(name = "echo", protocol = org.portreservation.Protocol.UDP) })
	static class UnknownServerBlock {

		@Test
		void starts() {
		}

	}

}
