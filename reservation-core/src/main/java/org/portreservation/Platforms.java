package org.portreservation;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.portreservation.unix.UnixPortReservations;
import org.portreservation.windows.WindowsPortReservations;

/** Chooses the backend for the operating system this JVM runs on, once. */
final class Platforms {

	private static volatile @Nullable PortReservations current;

	private Platforms() {
	}

	static PortReservations current() {
		PortReservations backend = current;
		if (backend == null) {
			synchronized (Platforms.class) {
				backend = current;
				if (backend == null) {
					backend = forOperatingSystem(System.getProperty("os.name", ""));
					current = backend;
				}
			}
		}
		return backend;
	}

	static PortReservations forOperatingSystem(String osName) {
		String os = osName.toLowerCase(Locale.ROOT);
		if (os.startsWith("windows")) {
			return new WindowsPortReservations();
		}
		if (os.contains("linux") || os.contains("mac") || os.contains("bsd") || os.contains("sunos")
				|| os.contains("aix")) {
			return new UnixPortReservations();
		}
		throw new UnsupportedPlatformException("No port reservation backend for the operating system '" + osName
				+ "': supported are Windows (kernel port reservations) and Linux, macOS and other Unix systems "
				+ "(held sockets)");
	}

}
