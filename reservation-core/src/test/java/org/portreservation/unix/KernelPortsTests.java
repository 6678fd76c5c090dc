package org.portreservation.unix;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import org.portreservation.InvalidReservationArgumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel's port list format.
 */
class KernelPortsTests {

	@Test
	void parsesPortsAndRangesAndFormatsThemMerged() {
		BitSet ports = KernelPorts.parse("8080, 40000-40002,40003 ,9\n");
		assertThat(ports.cardinality()).isEqualTo(6);
		assertThat(KernelPorts.format(ports)).isEqualTo("9,8080,40000-40003");
	}

	@Test
	void blankListIsEmpty() {
		assertThat(KernelPorts.parse("\n").isEmpty()).isTrue();
		assertThat(KernelPorts.format(new BitSet())).isEmpty();
	}

	@Test
	void malformedEntryIsNamed() {
		assertThatThrownBy(() -> KernelPorts.parse("80,90-70")).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessage(
					"'90-70' is not a port or a range of ports such as 8080 or 40000-40999, in the list '80,90-70'");
	}

	@Test
	void ephemeralRangeIsReadWhole() {
		int[] range = KernelPorts.ephemeralRange();
		assertThat(range[0]).isLessThan(range[1]);
		assertThat(range[1]).isGreaterThan(1024);
	}

}
