package org.portreservation.windows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;

import org.junit.jupiter.api.Test;

import org.portreservation.PortBlock;
import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationAccessDeniedException;
import org.portreservation.ReservationNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Persistent reservations of the real Windows backend, end to end against the stand-in
 * Windows libraries.
 */
@WithWindowsStandIn
class WindowsPersistentReservationStandInTests {

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@Test
	void createsLooksUpAndDeletesAPersistentReservation() {
		int start = StandIn.freeBlock(Protocol.UDP, 3);
		PortReservation created = this.reservations.createPersistent(Protocol.UDP, start, 3);
		assertThat(created.persistent()).isTrue();
		assertThat(StandIn.tokenOf(Protocol.UDP, start + 2)).isEqualTo(created.token());
		assertThat(StandIn.tokenOf(Protocol.UDP, Short.toUnsignedInt(Short.reverseBytes((short) start)))).isZero();
		created.close();
		assertThat(this.reservations.lookupPersistent(Protocol.UDP, start, 3))
			.hasValueSatisfying((found) -> assertThat(found.token()).isEqualTo(StandIn.tokenOf(Protocol.UDP, start)));
		assertThat(this.reservations.lookupPersistent(Protocol.TCP, start, 3)).isEmpty();
		assertThat(this.reservations.lookupPersistent(Protocol.UDP, start, 2)).isEmpty();
		this.reservations.deletePersistent(Protocol.UDP, start, 3);
		assertThat(this.reservations.lookupPersistent(Protocol.UDP, start, 3)).isEmpty();
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

	@Test
	void bindsFromAPersistentReservationWithTheTokenOfTheMoment() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		try (PortReservation reservation = this.reservations.createPersistent(Protocol.TCP, start, 2)) {
			long before = reservation.token();
			StandIn.INSTANCE.standin_new_persistent_tokens();
			assertThat(reservation.token()).isNotEqualTo(before).isEqualTo(StandIn.tokenOf(Protocol.TCP, start));
			try (ServerSocketChannel first = reservation.openServerSocketChannel();
					ServerSocketChannel second = reservation.openServerSocketChannel(start + 1)) {
				assertThat(((InetSocketAddress) first.getLocalAddress()).getPort()).isEqualTo(start);
				assertThat(((InetSocketAddress) second.getLocalAddress()).getPort()).isEqualTo(start + 1);
			}
		}
		finally {
			this.reservations.deletePersistent(Protocol.TCP, start, 2);
		}
	}

	@Test
	void handsOffALeaseToAProcessThatAssociatesWithThePersistentToken() throws IOException {
		int start = StandIn.freeBlock(Protocol.UDP, 2);
		PortReservation reservation = this.reservations.createPersistent(Protocol.UDP, start, 2);
		try (PortLease lease = reservation.lease(start + 1); DatagramChannel other = DatagramChannel.open()) {
			lease.handOff();
			assertThat(lease.isHandedOff()).isTrue();
			// What the other process does: look the token up, associate, bind the leased
			// port.
			long token = PersistentPortReservations.lookup(PortBlock.of(Protocol.UDP, start, 2)).getAsLong();
			PortReservationIoctls.associate(SocketHandles.of(other), token, "the other process", true);
			other.bind(new InetSocketAddress(lease.port()));
			assertThat(((InetSocketAddress) other.getLocalAddress()).getPort()).isEqualTo(start + 1);
		}
		finally {
			this.reservations.deletePersistent(Protocol.UDP, start, 2);
		}
	}

	@Test
	void bindingFromADeletedReservationSaysItIsGone() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 1);
		PortReservation reservation = this.reservations.createPersistent(Protocol.TCP, start, 1);
		this.reservations.deletePersistent(Protocol.TCP, start, 1);
		try (ServerSocketChannel channel = ServerSocketChannel.open()) {
			assertThatExceptionOfType(ReservationNotFoundException.class).isThrownBy(() -> reservation.bind(channel, 0))
				.withMessageContaining("no persistent reservation of exactly the tcp block " + start + "-" + start);
			assertThat(channel.getLocalAddress()).isNull();
		}
	}

	@Test
	void refusesToCreateDeleteOrBindWithoutElevation() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 2);
		PortReservation reservation = this.reservations.createPersistent(Protocol.TCP, start, 2);
		StandIn.INSTANCE.standin_set_elevated(0);
		assertThat(this.reservations.backend().persistentSupported()).isFalse();
		assertThat(this.reservations.backend().persistentUnsupportedReason())
			.hasValueSatisfying((reason) -> assertThat(reason).contains("Run as administrator"));
		assertThatExceptionOfType(ReservationAccessDeniedException.class)
			.isThrownBy(() -> this.reservations.createPersistent(Protocol.UDP, start, 2))
			.withMessageContaining("run elevated as an administrator")
			.withMessageContaining("ERROR_ACCESS_DENIED 5");
		assertThatExceptionOfType(ReservationAccessDeniedException.class)
			.isThrownBy(() -> this.reservations.deletePersistent(Protocol.TCP, start, 2))
			.withMessageContaining("run elevated as an administrator");
		try (ServerSocketChannel channel = ServerSocketChannel.open()) {
			assertThatExceptionOfType(ReservationAccessDeniedException.class)
				.isThrownBy(() -> reservation.bind(channel, 0))
				.withMessageContaining("WSAEACCES 10013")
				.withMessageContaining("Run as administrator");
			assertThat(reservation.freePorts()).containsExactly(start, start + 1);
		}
		StandIn.INSTANCE.standin_set_elevated(1);
		assertThat(this.reservations.backend().persistentSupported()).isTrue();
		this.reservations.deletePersistent(Protocol.TCP, start, 2);
	}

	@Test
	void refusesABlockThatOverlapsAPersistentReservationOrAPortInUse() throws IOException {
		int start = StandIn.freeBlock(Protocol.TCP, 4);
		this.reservations.createPersistent(Protocol.TCP, start, 2);
		assertThatExceptionOfType(PortsInUseException.class)
			.isThrownBy(() -> this.reservations.createPersistent(Protocol.TCP, start + 1, 2))
			.withMessageContaining("ERROR_SHARING_VIOLATION 32")
			.withMessageContaining("netstat -ano -p tcp");
		try (ServerSocketChannel user = ServerSocketChannel.open().bind(new InetSocketAddress(start + 3))) {
			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> this.reservations.createPersistent(Protocol.TCP, start + 2, 2))
				.withMessageStartingWith("Port " + (start + 3) + " of the tcp block")
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(start + 3));
		}
		this.reservations.deletePersistent(Protocol.TCP, start, 2);
		StandIn.INSTANCE.standin_fail_next("CreatePersistentTcpPortReservation", 32);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.createPersistent(Protocol.TCP, start, 2))
			.satisfies((ex) -> assertThat(ex).isNotInstanceOf(PortsInUseException.class))
			.withMessageContaining("which port is unknown");
	}

	@Test
	void deletingAReservationThatDoesNotExistSaysSo() {
		int start = StandIn.freeBlock(Protocol.UDP, 2);
		assertThatExceptionOfType(ReservationNotFoundException.class)
			.isThrownBy(() -> this.reservations.deletePersistent(Protocol.UDP, start, 2))
			.withMessageContaining("ERROR_NOT_FOUND 1168")
			.withMessageContaining("exact start and number of ports");
	}

	@Test
	void mapsAnInvalidParameterOfEachFunction() {
		int start = StandIn.freeBlock(Protocol.TCP, 1);
		StandIn.INSTANCE.standin_fail_next("CreatePersistentTcpPortReservation", 87);
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> this.reservations.createPersistent(Protocol.TCP, start, 1))
			.withMessageContaining("ERROR_INVALID_PARAMETER 87");
		StandIn.INSTANCE.standin_fail_next("DeletePersistentUdpPortReservation", 87);
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> this.reservations.deletePersistent(Protocol.UDP, start, 1));
		StandIn.INSTANCE.standin_fail_next("LookupPersistentTcpPortReservation", 87);
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> this.reservations.lookupPersistent(Protocol.TCP, start, 1));
	}

	@Test
	void givesTheSystemsTextForAnErrorMicrosoftDoesNotDocument() {
		int start = StandIn.freeBlock(Protocol.UDP, 1);
		StandIn.INSTANCE.standin_fail_next("CreatePersistentUdpPortReservation", 1450);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.createPersistent(Protocol.UDP, start, 1))
			.withMessageContaining("error 1450, Stand-in system text of error 1450.");
		StandIn.INSTANCE.standin_fail_next("LookupPersistentUdpPortReservation", 1450);
		StandIn.INSTANCE.standin_fail_next("FormatMessageW", 317);
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> this.reservations.lookupPersistent(Protocol.UDP, start, 1))
			.withMessageContaining("error 1450, which Windows has no text for");
		assertThat(StandIn.INSTANCE.standin_reservation_count()).isZero();
	}

}
