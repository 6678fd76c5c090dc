package org.portreservation.boot.actuate;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;

/**
 * {@link MeterBinder} for the named blocks of a {@link PortReservationTemplate}: the
 * gauge {@value #PORTS} counts each block's ports in use and free, so that a block
 * running full shows before a bind fails.
 *
 * @since 0.1.0
 */
public class PortReservationMetrics implements MeterBinder {

	/**
	 * The gauge's name; its tags are {@code block}, {@code protocol} and {@code state}.
	 */
	public static final String PORTS = "portreservation.ports";

	private final PortReservationTemplate template;

	/**
	 * Creates the binder.
	 * @param template the template holding the blocks
	 */
	public PortReservationMetrics(PortReservationTemplate template) {
		this.template = template;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.template.getReservations().forEach((name, reservation) -> {
			register(registry, name, reservation, "in-use", (block) -> block.portsInUse().size());
			register(registry, name, reservation, "free", (block) -> block.freePorts().size());
		});
	}

	private static void register(MeterRegistry registry, String name, PortReservation reservation, String state,
			ToDoubleFunction<PortReservation> ports) {
		Gauge.builder(PORTS, reservation, ports)
			.description("Ports of a reserved block, by state")
			.baseUnit("ports")
			.tags("block", name, "protocol", reservation.protocol().label(), "state", state)
			.register(registry);
	}

}
