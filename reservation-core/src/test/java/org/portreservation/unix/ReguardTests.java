package org.portreservation.unix;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.JavaProcess;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sweeper that guards ports again when they come back without a call: no interleaving
 * with the reservation's own calls loses a port it should watch.
 */
@EnabledOnOs(OS.LINUX)
class ReguardTests {

	private final PortReservations reservations = new UnixPortReservations();

	@AfterEach
	void stopPausing() {
		Reguard.beforeUnwatch = (block) -> {
		};
	}

	@Test
	void aPortThatComesBackWhileTheSweeperDropsItsBlockIsStillGuardedAgain() throws Exception {
		assumeTrue(ReservedPortsTests.isRootWithSetpriv(), "skipped: needs root and setpriv to run a JVM as nobody");
		try (PortReservation reservation = this.reservations.acquire(Protocol.TCP, 0, 2)) {
			CountDownLatch paused = new CountDownLatch(1);
			CountDownLatch resume = new CountDownLatch(1);
			AtomicBoolean once = new AtomicBoolean();
			Reguard.beforeUnwatch = (block) -> {
				if (block == reservation && once.compareAndSet(false, true)) {
					paused.countDown();
					awaitQuietly(resume);
				}
			};
			// The first port comes back while another process still holds it; the sweeper
			// guards it once that process lets go, and then finds nothing left to watch.
			PortLease first = reservation.lease();
			JavaProcess firstHolder = handOffToHolder(first);
			first.close();
			firstHolder.send("exit");
			assertThat(firstHolder.waitFor()).isZero();
			assertThat(paused.await(30, TimeUnit.SECONDS)).as("the sweeper found nothing left to watch").isTrue();
			// Just then the second port comes back, still held by another process.
			PortLease second = reservation.lease();
			JavaProcess secondHolder = handOffToHolder(second);
			second.close();
			resume.countDown();
			secondHolder.send("exit");
			assertThat(secondHolder.waitFor()).isZero();
			Thread.sleep(25 * Reguard.INTERVAL_MILLIS);
			assertThat(takenByNobody(second.port())).as("binds of another user once the second port came back")
				.isZero();
		}
	}

	private static JavaProcess handOffToHolder(PortLease lease) {
		JavaProcess holder = lease.handOff(() -> Intruder.hold(Protocol.TCP, lease.port()).start());
		assertThat(holder.readLine()).isEqualTo("holding");
		return holder;
	}

	private static int takenByNobody(int port) {
		try (JavaProcess intruder = Intruder.bind(Protocol.TCP, port, port).startAs(65534)) {
			return Integer.parseInt(intruder.readLineStartingWith("taken "));
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
