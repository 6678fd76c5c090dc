package org.portreservation.windows;

import java.util.Map;

import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the stand-in keeps out of a held block, with the real backend: another JVM and
 * another user's JVM by the placeholders Linux enforces, this process's other sockets by
 * the stand-in's bind unless a test lets them in. Every observation the Windows job only
 * records must be the stand-in's modelled answer here, so the recording code is known to
 * tell one answer from another.
 */
@WithWindowsStandIn
class WindowsStandInExclusionTests extends WindowsExclusionContractTests {

	private static final int NOBODY = 65534;

	private static final Map<String, String> MODELLED = Map.of(
			"binds of this process's own tcp sockets, not associated, into a held block", "refused all 10 binds",
			"binds of this process's own udp sockets, not associated, into a held block", "refused all 8 binds",
			"a connection to a channel still bound from a released block", "succeeded",
			"another JVM's binds of that channel's port", "refused all 5 binds",
			"a bind outside the block of a channel that a failed bind left associated", "java.net.BindException");

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@Override
	protected PortReservations reservations() {
		return this.reservations;
	}

	@Override
	protected void observed(TestReporter reporter, String question, String answer) {
		Observations.record(reporter, question, answer);
		assertThat(MODELLED).containsKey(question);
		assertThat(answer).as(question).startsWith(MODELLED.get(question));
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void keepsAnotherUsersJvmOutOfAHeldBlock(Protocol protocol) {
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 3)) {
			assertThat(
					WindowsIntruder.bindAsAnotherUser(NOBODY, protocol, reservation.startPort(), reservation.endPort()))
				.isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Protocol.class)
	void letsThisProcessesOtherSocketsInWhereTheStandInIsToldWindowsDoes(Protocol protocol) {
		StandIn.INSTANCE.standin_set_same_process_excluded(0);
		try (PortReservation reservation = this.reservations.acquire(protocol, 0, 2)) {
			assertThat(WindowsIntruder.bindHere(protocol, reservation.startPort(), reservation.endPort()))
				.hasSize(2 * WindowsIntruder.waysPerPort(protocol));
			// The stand-in puts a placeholder back at its next call after a socket
			// closes.
			StandIn.INSTANCE.standin_reservation_count();
			assertThat(WindowsIntruder.bindInAnotherJvm(protocol, reservation.startPort(), reservation.endPort()))
				.isEmpty();
		}
	}

}
