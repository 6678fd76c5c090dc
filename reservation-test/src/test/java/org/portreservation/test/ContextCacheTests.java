package org.portreservation.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.portreservation.PortReservation;
import org.portreservation.PortReservations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Spring test classes, run by the JUnit Platform here: their blocks belong to the
 * application context, which equal declarations share and different ones do not, and are
 * released when the context closes.
 */
class ContextCacheTests {

	private static final Map<Class<?>, Seen> seen = new ConcurrentHashMap<>();

	@Test
	void equalDeclarationsShareAContextAndItsBlocksDifferentOnesDoNot() {
		run(WebThenSmtp.class, SmtpThenWeb.class, WiderWeb.class);
		Seen webThenSmtp = seen.get(WebThenSmtp.class);
		Seen smtpThenWeb = seen.get(SmtpThenWeb.class);
		Seen widerWeb = seen.get(WiderWeb.class);
		assertThat(smtpThenWeb.context()).isSameAs(webThenSmtp.context());
		assertThat(smtpThenWeb.web()).isSameAs(webThenSmtp.web());
		assertThat(widerWeb.context()).isNotSameAs(webThenSmtp.context());
		assertThat(widerWeb.web().block()).isNotEqualTo(webThenSmtp.web().block());
	}

	@Test
	void theBlocksOutliveTheTestClassWhileItsContextIsCachedAndAreReleasedWhenItCloses() {
		run(Cached.class, Dirtied.class);
		PortReservation cached = seen.get(Cached.class).web();
		PortReservation dirtied = seen.get(Dirtied.class).web();
		assertThat(cached.isOpen()).isTrue();
		assertThat(OtherJvm.reserve(cached.block())).startsWith("refused ");
		assertThat(dirtied.isOpen()).isFalse();
		try (PortReservation again = PortReservations.forCurrentPlatform().acquire(dirtied.block())) {
			assertThat(again.isOpen()).isTrue();
		}
	}

	private static void run(Class<?>... testClasses) {
		EngineTestKit.engine("junit-jupiter")
			.selectors(java.util.Arrays.stream(testClasses)
				.map((testClass) -> selectClass(testClass))
				.toArray(org.junit.platform.engine.DiscoverySelector[]::new))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(testClasses.length).failed(0));
	}

	record Seen(ApplicationContext context, PortReservation web) {

	}

	abstract static class Recording {

		@Autowired
		private ApplicationContext context;

		@Test
		void recordsItsContextAndBlock(@ReservedPort("web") PortReservation web) {
			assertThat(web.isOpen()).isTrue();
			seen.put(getClass(), new Seen(this.context, web));
		}

	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.NONE)
	@ReservePorts({ @PortBlock(name = "web", numberOfPorts = 2), @PortBlock(name = "smtp", handOff = true) })
	static class WebThenSmtp extends Recording {

	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.NONE)
	@ReservePorts({ @PortBlock(name = "smtp", handOff = true), @PortBlock(name = "web", numberOfPorts = 2) })
	static class SmtpThenWeb extends Recording {

	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.NONE)
	@ReservePorts({ @PortBlock(name = "smtp", handOff = true), @PortBlock(name = "web", numberOfPorts = 3) })
	static class WiderWeb extends Recording {

	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.NONE)
	@ReservePorts(@PortBlock(name = "web", numberOfPorts = 4))
	static class Cached extends Recording {

	}

	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.NONE)
	@DirtiesContext
	@ReservePorts(@PortBlock(name = "web", numberOfPorts = 5))
	static class Dirtied extends Recording {

	}

}
