package org.portreservation.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.portreservation.unix.UnixPortReservations;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's background thread finds the pre-initializer, and it loads the backend without
 * writing anything.
 */
class PortReservationBackgroundPreinitializerTests {

	@Test
	void bootsBackgroundThreadFindsIt() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
			.hasAtLeastOneElementOfType(PortReservationBackgroundPreinitializer.class);
	}

	@Test
	void createsNoLockDirectory(@TempDir Path parent) {
		Path lockDirectory = parent.resolve("locks");
		System.setProperty(UnixPortReservations.LOCK_DIRECTORY_PROPERTY, lockDirectory.toString());
		try {
			new PortReservationBackgroundPreinitializer().preinitialize();
		}
		finally {
			System.clearProperty(UnixPortReservations.LOCK_DIRECTORY_PROPERTY);
		}
		assertThat(Files.exists(lockDirectory)).isFalse();
	}

}
