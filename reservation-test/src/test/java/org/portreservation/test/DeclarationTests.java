package org.portreservation.test;

import org.junit.jupiter.api.Test;

import org.portreservation.FreeBlocks;
import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.PortReservation;
import org.portreservation.PortReservationException;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.portreservation.test.Declared.block;
import static org.portreservation.test.Declared.declaration;

/**
 * A declaration is checked whole before anything is reserved, reserved all or nothing,
 * and equal to another that declares the same blocks in any order.
 */
class DeclarationTests {

	private final PortReservations backend = PortReservations.forCurrentPlatform();

	@Test
	void aNameThatCannotBePartOfAPropertyNameIsRefused() {
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> declaration(block("Web", Protocol.TCP, 0, 1, false)))
			.withMessage("@PortBlock(name = \"Web\") of a test's @ReservePorts: name must be lower-case letters, "
					+ "digits and hyphens, starting with a letter or digit, as it becomes part of the property "
					+ "portreservation.test.blocks.<name>.port");
	}

	@Test
	void twoBlocksWithOneNameAreRefused() {
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(
					() -> declaration(block("web", Protocol.TCP, 0, 1, false), block("web", Protocol.UDP, 0, 1, false)))
			.withMessage("a test's @ReservePorts declares two blocks named 'web': a name belongs to one block only");
	}

	@Test
	void aBlockOutsideThePortRangeIsRefusedNamingTheBlockAndWhatIsAllowed() {
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> declaration(block("web", Protocol.TCP, 0, 0, false)))
			.withMessage("@PortBlock(name = \"web\") of a test's @ReservePorts: numberOfPorts must be between 1 and "
					+ "65535, was 0");
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> declaration(block("web", Protocol.TCP, 65535, 2, false)))
			.withMessageStartingWith("@PortBlock(name = \"web\") of a test's @ReservePorts: numberOfPorts 2 makes "
					+ "the block 65535-65536 run past the highest port 65535");
	}

	@Test
	void aDeclarationWithoutBlocksIsRefused() {
		assertThatExceptionOfType(InvalidReservationArgumentException.class).isThrownBy(Declared::declaration)
			.withMessage("a test's @ReservePorts declares no block: add at least one @PortBlock(name = \"...\")");
	}

	@Test
	void aClassWithoutReservePortsHasNoBlocksToLookUp() {
		assertThatExceptionOfType(InvalidReservationArgumentException.class)
			.isThrownBy(() -> ReservedBlocks.of(DeclarationTests.class))
			.withMessage(DeclarationTests.class.getName() + " has no @ReservePorts: declare its blocks with "
					+ "@ReservePorts(@PortBlock(name = \"...\")) on the class");
	}

	@Test
	void aBlockThatCannotBeReservedReleasesTheBlocksReservedBeforeIt() {
		int free = FreeBlocks.start(Protocol.TCP, 2);
		try (PortReservation busy = this.backend.acquire(Protocol.TCP, 0, 1)) {
			Declaration declaration = declaration(block("first", Protocol.TCP, free, 2, false),
					block("busy", Protocol.TCP, busy.startPort(), 1, false));
			assertThatExceptionOfType(PortReservationException.class)
				.isThrownBy(() -> declaration.reserve(this.backend))
				.withMessageStartingWith(
						"Could not reserve the block 'busy' (" + busy.block() + ") of a test's @ReservePorts: ");
		}
		try (PortReservation again = this.backend.acquire(Protocol.TCP, free, 2)) {
			assertThat(again.isOpen()).isTrue();
		}
	}

	@Test
	void declarationsOfTheSameBlocksInAnyOrderAreEqual() {
		Declaration webThenSmtp = declaration(block("web", Protocol.TCP, 0, 2, false),
				block("smtp", Protocol.TCP, 0, 1, true));
		Declaration smtpThenWeb = declaration(block("smtp", Protocol.TCP, 0, 1, true),
				block("web", Protocol.TCP, 0, 2, false));
		Declaration smtpNotHandedOff = declaration(block("smtp", Protocol.TCP, 0, 1, false),
				block("web", Protocol.TCP, 0, 2, false));
		assertThat(webThenSmtp).isEqualTo(smtpThenWeb).hasSameHashCodeAs(smtpThenWeb);
		assertThat(webThenSmtp).isNotEqualTo(smtpNotHandedOff);
	}

}
