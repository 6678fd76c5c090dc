package org.portreservation;

import org.junit.jupiter.api.Test;

import org.portreservation.unix.UnixPortReservations;
import org.portreservation.windows.WindowsPortReservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The choice of backend by operating system name.
 */
class PlatformsTests {

	@Test
	void windowsGetsTheKernelReservationsBackend() {
		assertThat(Platforms.forOperatingSystem("Windows 11")).isInstanceOf(WindowsPortReservations.class);
		assertThat(Platforms.forOperatingSystem("Windows Server 2022")).isInstanceOf(WindowsPortReservations.class);
	}

	@Test
	void unixSystemsGetTheHeldSocketsBackend() {
		for (String os : new String[] { "Linux", "Mac OS X", "FreeBSD", "SunOS", "AIX" }) {
			assertThat(Platforms.forOperatingSystem(os)).as(os).isInstanceOf(UnixPortReservations.class);
		}
	}

	@Test
	void anotherSystemIsUnsupportedWithWhatIsSupported() {
		assertThatThrownBy(() -> Platforms.forOperatingSystem("OS/2")).isInstanceOf(UnsupportedPlatformException.class)
			.hasMessage("No port reservation backend for the operating system 'OS/2': supported are Windows (kernel "
					+ "port reservations) and Linux, macOS and other Unix systems (held sockets)");
	}

	@Test
	void currentPlatformIsChosenOnce() {
		assertThat(PortReservations.forCurrentPlatform()).isSameAs(PortReservations.forCurrentPlatform());
	}

}
