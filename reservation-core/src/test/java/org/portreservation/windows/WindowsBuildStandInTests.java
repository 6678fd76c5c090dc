package org.portreservation.windows;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

import org.junit.jupiter.api.Test;

import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backend reserves only on Windows builds where port reservations are known to be
 * safe, 17763 and later, as the kernel reports the build.
 */
@WithWindowsStandIn
class WindowsBuildStandInTests {

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@Test
	void refusesToReserveOnABuildOlderThan17763AndSaysSo() {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		StandIn.INSTANCE.standin_set_build(17134);
		assertThatExceptionOfType(UnsupportedPlatformException.class)
			.isThrownBy(() -> this.reservations.acquire(Protocol.TCP, start, 2))
			.withMessageContaining("Cannot reserve the tcp block " + start + "-" + (start + 1))
			.withMessageContaining("Windows build 17134")
			.withMessageContaining("build 17763");
		assertThatExceptionOfType(UnsupportedPlatformException.class)
			.isThrownBy(() -> this.reservations.createPersistent(Protocol.UDP, start, 2))
			.withMessageContaining("Windows build 17134");
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

	@Test
	void refusesToBindFromAPersistentReservationOnAnOlderBuildButStillDeletesIt() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 1);
		PortReservation created = this.reservations.createPersistent(Protocol.TCP, start, 1);
		StandIn.INSTANCE.standin_set_build(16299);
		assertThatExceptionOfType(UnsupportedPlatformException.class)
			.isThrownBy(() -> this.reservations.lookupPersistent(Protocol.TCP, start, 1))
			.withMessageContaining("Windows build 16299");
		try (ServerSocketChannel channel = ServerSocketChannel.open()) {
			assertThat(created.bind(channel, 0).getPort()).as("a handle taken before is not refused").isEqualTo(start);
		}
		this.reservations.deletePersistent(Protocol.TCP, start, 1);
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

	@Test
	void warnsInTheBackendsDescriptionOnAnOlderBuild() {
		StandIn.INSTANCE.standin_set_build(17134);
		assertThat(this.reservations.backend().limits()).singleElement()
			.satisfies((limit) -> assertThat(limit).contains("acquire, createPersistent and lookupPersistent refuse")
				.contains("Windows build 17134")
				.contains("build 17763"));
		assertThat(this.reservations.backend().toString()).contains("limits here: ");
	}

	@Test
	void reservesFromBuild17763On() {
		StandIn.INSTANCE.standin_set_build(17763);
		assertThat(this.reservations.backend().limits()).isEmpty();
		try (PortReservation reservation = this.reservations.acquire(Protocol.UDP, 0, 2)) {
			assertThat(reservation.freePorts()).hasSize(2);
		}
	}

	@Test
	void failsClearlyWhenWindowsDoesNotTellItsBuild() {
		StandIn.INSTANCE.standin_fail_next("RtlGetVersion", 0xC000000D);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.acquire(Protocol.TCP, 0, 1))
			.withMessageContaining("RtlGetVersion: NTSTATUS 0xc000000d");
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

}
