package org.portreservation.windows;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every error code of the two IOCTLs that can fail a caller maps to the right exception
 * and advice, through the real backend: the stand-in fails the next IOCTL with the code.
 */
@WithWindowsStandIn
class WindowsIoctlErrorsStandInTests {

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@ParameterizedTest(name = "{0} on a named block: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10048 | PortReservationException           | netsh int ipv4 show excludedportrange protocol=tcp
			10013 | ReservationAccessDeniedException   | run elevated as an administrator
			10022 | InvalidReservationArgumentException | choose another block
			10055 | PortReservationException           | WSAENOBUFS 10055
			10045 | UnsupportedPlatformException       | Windows Vista or later
			10004 | PortReservationException           | try again
			995   | PortReservationException           | try again
			10036 | PortReservationException           | try again
			10050 | PortReservationException           | network subsystem failed
			10014 | PortReservationException           | bug in portreservation
			10038 | PortReservationException           | bug in portreservation
			997   | PortReservationException           | bug in portreservation
			10049 | PortReservationException           | WSAEADDRNOTAVAIL 10049
			4242  | PortReservationException           | error 4242, Stand-in system text of error 4242.
			""")
	void mapsAFailedAcquireOfANamedBlock(int code, String exception, String advice) {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		StandIn.INSTANCE.standin_fail_next("SIO_ACQUIRE_PORT_RESERVATION", code);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.acquire(Protocol.TCP, start, 2))
			.satisfies((ex) -> assertThat(ex.getClass().getSimpleName()).isEqualTo(exception))
			.withMessageContaining("tcp block " + start + "-" + (start + 1))
			.withMessageContaining(advice);
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

	@ParameterizedTest(name = "{0} on a wildcard request: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10048 | NoFreeBlockException | no free block of 7 udp ports
			10055 | NoFreeBlockException | ask for fewer ports
			10013 | ReservationAccessDeniedException | excludedportrange protocol=udp
			""")
	void mapsAFailedWildcardAcquire(int code, String exception, String advice) {
		StandIn.INSTANCE.standin_fail_next("SIO_ACQUIRE_PORT_RESERVATION", code);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.acquire(Protocol.UDP, 0, 7))
			.satisfies((ex) -> assertThat(ex.getClass().getSimpleName()).isEqualTo(exception))
			.withMessageContaining(advice);
	}

	@ParameterizedTest(name = "{0} on associate: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10013 | ReservationAccessDeniedException | only by the process that acquired it
			10022 | PortReservationException         | bind a new, unbound channel
			10045 | UnsupportedPlatformException     | netsh winsock show catalog
			10004 | PortReservationException         | try again
			10050 | PortReservationException         | network subsystem failed
			10038 | PortReservationException         | bug in portreservation
			4242  | PortReservationException         | Stand-in system text of error 4242.
			""")
	void mapsAFailedAssociateAndLeavesTheChannelUnbound(int code, String exception, String advice) throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, start, 2);
				ServerSocketChannel channel = ServerSocketChannel.open()) {
			StandIn.INSTANCE.standin_fail_next("SIO_ASSOCIATE_PORT_RESERVATION", code);
			assertThatExceptionOfType(PortReservationException.class).isThrownBy(() -> reservation.bind(channel, 0))
				.satisfies((ex) -> assertThat(ex.getClass().getSimpleName()).isEqualTo(exception))
				.withMessageContaining("SIO_ASSOCIATE_PORT_RESERVATION")
				.withMessageContaining(advice);
			assertThat(channel.getLocalAddress()).isNull();
			assertThat(reservation.freePorts()).containsExactly(start, start + 1);
			assertThat(reservation.bind(channel, 0).getPort()).isEqualTo(start);
		}
	}

}
