package org.portreservation.boot.autoconfigure.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExcludedPortRange#parse}, on netsh listings in the layouts Windows
 * prints (see the README beside them).
 */
class ExcludedPortRangeTests {

	@Test
	void englishListingGivesEveryRangeAndWhichAreAdministered() throws IOException {
		assertThat(ExcludedPortRange.parse(listing("netsh-en.txt"))).containsExactly(
				new ExcludedPortRange(80, 80, false), new ExcludedPortRange(5357, 5357, false),
				new ExcludedPortRange(49673, 49772, false), new ExcludedPortRange(50000, 50059, true),
				new ExcludedPortRange(50060, 50159, false), new ExcludedPortRange(55679, 55679, true));
	}

	@Test
	void crlfLineEndsGiveTheSameRanges() throws IOException {
		assertThat(ExcludedPortRange.parse(listing("netsh-en-crlf.txt")))
			.isEqualTo(ExcludedPortRange.parse(listing("netsh-en.txt")));
	}

	@Test
	void localizedHeadersInAConsoleCodePageDoNotMatter() throws IOException {
		assertThat(ExcludedPortRange.parse(listing("netsh-es-cp850.txt"))).containsExactly(
				new ExcludedPortRange(1025, 1124, false), new ExcludedPortRange(5357, 5357, false),
				new ExcludedPortRange(24266, 24365, false), new ExcludedPortRange(50000, 50059, true));
	}

	@Test
	void aMachineWithoutExclusionsAndAnEmptyOutputListNone() throws IOException {
		assertThat(ExcludedPortRange.parse(listing("netsh-none.txt"))).isEmpty();
		assertThat(ExcludedPortRange.parse("")).isEmpty();
	}

	@Test
	void linesThatAreNotRangesOfPortsAreIgnored() {
		assertThat(ExcludedPortRange.parse("Port 80 80 is excluded\n 70000 70001\n 0 10\n 9000 8000\n 8080 8081 x\n"))
			.isEmpty();
	}

	@Test
	void aRangeContainsItsFirstAndLastPortOnly() {
		ExcludedPortRange range = new ExcludedPortRange(50000, 50059, false);
		assertThat(range.contains(50000)).isTrue();
		assertThat(range.contains(50059)).isTrue();
		assertThat(range.contains(49999)).isFalse();
		assertThat(range.contains(50060)).isFalse();
		assertThat(range.numberOfPorts()).isEqualTo(60);
		assertThat(range).hasToString("50000-50059");
	}

	static String listing(String name) throws IOException {
		try (InputStream in = ExcludedPortRangeTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
