package org.portreservation.windows;

import com.sun.jna.platform.win32.WinError;
import org.junit.jupiter.api.Test;

import org.portreservation.PortReservationException;
import org.portreservation.ReservationAccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages of a failed association that differ between runtime and persistent
 * reservations. The codes here have names, so no system text, and no Windows library, is
 * needed.
 */
class WindowsErrorsTests {

	private static final String RESERVATION = "tcp block 40000-40001";

	@Test
	void aRefusedBindFromAPersistentReservationMayMeanItWasDeleted() {
		PortReservationException persistent = WindowsErrors.associateFailed(WinError.WSAEINVAL, RESERVATION, true);
		assertThat(persistent).isExactlyInstanceOf(PortReservationException.class)
			.hasMessage("Windows refused to bind the channel from the tcp block 40000-40001 "
					+ "(WSAIoctl(SIO_ASSOCIATE_PORT_RESERVATION): WSAEINVAL 10022): the reservation is gone or was "
					+ "deleted, or the channel is not an unbound socket of the reservation's protocol; acquire the "
					+ "block again and bind a new, unbound channel");
		PortReservationException runtime = WindowsErrors.associateFailed(WinError.WSAEINVAL, RESERVATION, false);
		assertThat(runtime)
			.hasMessageContaining("(WSAIoctl(SIO_ASSOCIATE_PORT_RESERVATION): WSAEINVAL 10022): the "
					+ "reservation is gone, or the channel is not an unbound socket")
			.hasMessageNotContaining("deleted");
	}

	@Test
	void aDeniedBindSaysWhoMayUseTheReservation() {
		assertThat(WindowsErrors.associateFailed(WinError.WSAEACCES, RESERVATION, true))
			.isInstanceOf(ReservationAccessDeniedException.class)
			.hasMessageStartingWith("Binding from the tcp block 40000-40001 was denied "
					+ "(WSAIoctl(SIO_ASSOCIATE_PORT_RESERVATION): WSAEACCES 10013): a persistent reservation can be "
					+ "used only by an administrator in an elevated process");
		assertThat(WindowsErrors.associateFailed(WinError.WSAEACCES, RESERVATION, false))
			.isInstanceOf(ReservationAccessDeniedException.class)
			.hasMessageContaining("a runtime reservation can be used only by the process that acquired it");
	}

}
