package org.portreservation.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.portreservation.BackendInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistent reservations need an administrator in an elevated process, as Microsoft
 * documents for the IP Helper functions: the backend asks the process token both
 * questions, and closes it.
 */
@WithWindowsStandIn
class WindowsElevationStandInTests {

	private final WindowsPortReservations reservations = new WindowsPortReservations();

	@ParameterizedTest(name = "Administrators member {0}, elevated {1}: supported {2}")
	@CsvSource({ "1, 1, true", "1, 0, false", "0, 1, false", "0, 0, false" })
	void supportsPersistentReservationsOnlyForAnElevatedAdministrator(int member, int elevated, boolean supported) {
		StandIn.INSTANCE.standin_set_token(member, elevated);
		BackendInfo backend = this.reservations.backend();
		assertThat(backend.persistentSupported()).isEqualTo(supported);
		if (!supported) {
			assertThat(backend.persistentUnsupportedReason())
				.hasValueSatisfying((reason) -> assertThat(reason).contains("an administrator in an elevated process")
					.contains("'Run as administrator'"));
		}
		assertThat(StandIn.INSTANCE.standin_open_tokens()).isZero();
	}

	@Test
	void saysWhichCallFailedWhenTheTokenCannotBeRead() {
		StandIn.INSTANCE.standin_fail_next("GetTokenInformation", 5);
		assertThat(this.reservations.backend().persistentUnsupportedReason()).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("GetTokenInformation(TokenElevation): ERROR_ACCESS_DENIED 5"));
		assertThat(StandIn.INSTANCE.standin_open_tokens()).isZero();
		assertThat(this.reservations.backend().persistentSupported()).isTrue();
	}

}
