package org.portreservation;

import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.unix.UnixPortReservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PortReservation#portUses()} on this machine's real Unix backend, with
 * another process taking a handed-off port.
 */
@EnabledOnOs(OS.LINUX)
class PortUsesTests {

	private final PortReservations reservations = new UnixPortReservations();

	@Test
	void eachPortInUseTellsWhetherItIsBoundLeasedHandedOffOrReturning() throws Exception {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 4);
				ServerSocketChannel channel = reservation.openServerSocketChannel()) {
			int bound = channel.socket().getLocalPort();
			PortLease leased = reservation.lease();
			PortLease handedOff = reservation.lease();
			handedOff.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, handedOff.port())) {
				assertThat(reservation.portUses()).containsExactly(Map.entry(bound, PortUse.BOUND),
						Map.entry(leased.port(), PortUse.LEASED), Map.entry(handedOff.port(), PortUse.HANDED_OFF));
				handedOff.close();
				assertThat(reservation.portUses()).containsEntry(handedOff.port(), PortUse.RETURNING);
				assertThat(reservation.portUses().keySet()).containsExactlyElementsOf(reservation.portsInUse());
			}
			assertThat(reservation.portUses()).containsOnlyKeys(bound, leased.port());
			assertThat(BindProbe.bindableInAnotherProcess(Protocol.TCP, List.of(handedOff.port()))).isEmpty();
			channel.close();
			leased.close();
			assertThat(reservation.portUses()).isEmpty();
		}
	}

	@Test
	void closedReservationReportsNoUses() throws Exception {
		PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 2);
		reservation.lease();
		reservation.close();
		assertThat(reservation.portUses()).isEmpty();
	}

	@Test
	void portUsesCannotBeChanged() {
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 1)) {
			reservation.lease();
			Map<Integer, PortUse> uses = reservation.portUses();
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(uses::clear);
		}
	}

}
