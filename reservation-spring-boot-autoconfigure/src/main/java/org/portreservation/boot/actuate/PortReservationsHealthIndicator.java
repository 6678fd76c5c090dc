package org.portreservation.boot.actuate;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.portreservation.PortReservation;
import org.portreservation.PortUse;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for the named blocks of a {@link PortReservationTemplate}: down
 * when a configured block is not held, or another socket has taken a port of a block
 * since it came back from a channel or a lease.
 *
 * @since 0.1.0
 */
public class PortReservationsHealthIndicator extends AbstractHealthIndicator {

	private final PortReservationTemplate template;

	private final Collection<String> configuredBlocks;

	/**
	 * Creates the indicator.
	 * @param template the template holding the blocks
	 * @param configuredBlocks the names of the blocks the configuration asks for
	 */
	public PortReservationsHealthIndicator(PortReservationTemplate template, Collection<String> configuredBlocks) {
		super("Port reservations health check failed");
		this.template = template;
		this.configuredBlocks = List.copyOf(configuredBlocks);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		Map<String, PortReservation> held = this.template.getReservations();
		for (String name : this.configuredBlocks) {
			if (!held.containsKey(name)) {
				builder.down()
					.withDetail(name, "not reserved: left out at start-up as portreservation.fail-fast is false; "
							+ "the start-up log says why");
			}
		}
		held.forEach((name, reservation) -> describe(builder, name, reservation));
	}

	private static void describe(Health.Builder builder, String name, PortReservation reservation) {
		if (!reservation.isOpen()) {
			builder.down().withDetail(name, "released: the " + reservation + " is no longer held");
			return;
		}
		Map<Integer, PortUse> uses = reservation.portUses();
		List<Integer> taken = uses.entrySet()
			.stream()
			.filter((use) -> use.getValue() == PortUse.RETURNING)
			.map(Map.Entry::getKey)
			.toList();
		if (!taken.isEmpty()) {
			builder.down()
				.withDetail(name, "ports " + taken + " of the " + reservation.block()
						+ " taken by another socket since they came back from a channel or a lease");
			return;
		}
		builder.withDetail(name,
				reservation.block() + ": " + uses.size() + " of " + reservation.numberOfPorts() + " ports in use");
	}

}
