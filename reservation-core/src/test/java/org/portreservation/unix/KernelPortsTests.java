package org.portreservation.unix;

import java.nio.file.Files;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.InvalidReservationArgumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel's port list format, and the kernel's port settings read in a network
 * namespace of the test's own.
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
	void parsesTheLowestAndHighestPorts() {
		assertThat(KernelPorts.parse("0")).isEqualTo(ports(0));
		assertThat(KernelPorts.parse("65535")).isEqualTo(ports(65535));
		assertThat(KernelPorts.parse("0-65535").cardinality()).isEqualTo(65536);
		assertThatThrownBy(() -> KernelPorts.parse("65536")).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageStartingWith("'65536' is not a port or a range of ports");
		assertThatThrownBy(() -> KernelPorts.parse("-1")).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageStartingWith("'-1' is not a port or a range of ports");
		assertThatThrownBy(() -> KernelPorts.parse("-0")).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageStartingWith("'-0' is not a port or a range of ports");
		assertThatThrownBy(() -> KernelPorts.parse("8080,x")).isInstanceOf(InvalidReservationArgumentException.class)
			.hasMessageStartingWith("'x' is not a port or a range of ports");
	}

	@Test
	void formatsTheLowestAndHighestPorts() {
		assertThat(KernelPorts.format(ports(0))).isEqualTo("0");
		assertThat(KernelPorts.format(ports(0, 1, 65535))).isEqualTo("0-1,65535");
		assertThat(KernelPorts.format(ports(65534, 65535))).isEqualTo("65534-65535");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void ephemeralRangeIsReadWhole() throws Exception {
		// Not Linux's default, which ephemeralRange() also returns when it cannot read
		// the file.
		int[] range = NetworkNamespace.call(() -> {
			Files.writeString(KernelPorts.EPHEMERAL_RANGE, "40000 50000");
			return KernelPorts.ephemeralRange();
		});
		assertThat(range).containsExactly(40000, 50000);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void reservedPortsAreReadFromTheKernel() throws Exception {
		BitSet reserved = NetworkNamespace.call(() -> {
			assertThat(KernelPorts.reservedPorts()).as("a new network namespace reserves no port")
				.isEqualTo(new BitSet());
			Files.writeString(KernelPorts.RESERVED_PORTS, "0,8080,40000-40002,65535");
			return KernelPorts.reservedPorts();
		});
		assertThat(reserved).isEqualTo(ports(0, 8080, 40000, 40001, 40002, 65535));
		assertThat(KernelPorts.format(reserved)).isEqualTo("0,8080,40000-40002,65535");
	}

	private static BitSet ports(int... ports) {
		BitSet set = new BitSet();
		for (int port : ports) {
			set.set(port);
		}
		return set;
	}

}
