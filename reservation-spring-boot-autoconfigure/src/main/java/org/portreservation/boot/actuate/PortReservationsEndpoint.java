package org.portreservation.boot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.portreservation.PortHolder;
import org.portreservation.PortReservation;
import org.portreservation.PortUse;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that shows the named blocks of a
 * {@link PortReservationTemplate}: each block's ports, which are free, and what uses the
 * others, so that an operator sees them where Spring Boot shows everything else.
 * <p>
 * Ports handed off or taken by another socket name the process that holds them only when
 * {@code showHolders} allows, as that reveals other processes' ids and command lines.
 *
 * @since 0.1.0
 */
@Endpoint(id = "portreservations", defaultAccess = Access.READ_ONLY)
public class PortReservationsEndpoint {

	private final PortReservationTemplate template;

	private final Show showHolders;

	/**
	 * Creates the endpoint.
	 * @param template the template whose named blocks to show
	 * @param showHolders when to name the processes holding ports this process lent out
	 */
	public PortReservationsEndpoint(PortReservationTemplate template, Show showHolders) {
		this.template = template;
		this.showHolders = showHolders;
	}

	/**
	 * The backend and every named block.
	 * @return the description
	 */
	@ReadOperation
	public PortReservationsDescriptor portReservations() {
		return describe(this.showHolders.isShown(true));
	}

	/**
	 * One named block.
	 * @param name the block's name
	 * @return its description, or {@code null} (not found) if no block has that name
	 */
	@ReadOperation
	public @Nullable BlockDescriptor block(@Selector String name) {
		return describeBlock(name, this.showHolders.isShown(true));
	}

	PortReservationsDescriptor describe(boolean showHolders) {
		Map<String, BlockDescriptor> blocks = new LinkedHashMap<>();
		this.template.getReservations()
			.forEach((name, reservation) -> blocks.put(name, BlockDescriptor.of(reservation, showHolders)));
		return new PortReservationsDescriptor(this.template.getPortReservations().backend().name(), blocks);
	}

	@Nullable BlockDescriptor describeBlock(String name, boolean showHolders) {
		PortReservation reservation = this.template.getReservations().get(name);
		return (reservation != null) ? BlockDescriptor.of(reservation, showHolders) : null;
	}

	/**
	 * The backend and the named blocks.
	 *
	 * @param backend the backend's name
	 * @param blocks the blocks by name, in configuration order
	 */
	public record PortReservationsDescriptor(String backend,
			Map<String, BlockDescriptor> blocks) implements OperationResponseBody {

	}

	/**
	 * A block and the use of its ports.
	 *
	 * @param protocol {@code tcp} or {@code udp}
	 * @param startPort the first port
	 * @param endPort the last port, inclusive
	 * @param persistent whether it is a persistent reservation
	 * @param freePorts the ports free to bind or lease
	 * @param portsInUse the other ports and their use, in ascending order
	 */
	public record BlockDescriptor(String protocol, int startPort, int endPort, boolean persistent,
			List<Integer> freePorts, Map<Integer, PortUseDescriptor> portsInUse) implements OperationResponseBody {

		static BlockDescriptor of(PortReservation reservation, boolean showHolders) {
			Map<Integer, PortUseDescriptor> portsInUse = new LinkedHashMap<>();
			reservation.portUses()
				.forEach(
						(port, use) -> portsInUse.put(port, PortUseDescriptor.of(reservation, port, use, showHolders)));
			return new BlockDescriptor(reservation.protocol().label(), reservation.startPort(), reservation.endPort(),
					reservation.persistent(), reservation.freePorts(), portsInUse);
		}

	}

	/**
	 * What uses a port.
	 *
	 * @param use {@code bound}, {@code leased}, {@code handed-off} or {@code returning}
	 * @param holder the other process holding a port handed off or taken since it came
	 * back, when shown and known
	 */
	public record PortUseDescriptor(String use, @Nullable HolderDescriptor holder) {

		static PortUseDescriptor of(PortReservation reservation, int port, PortUse use, boolean showHolders) {
			boolean lentOut = use == PortUse.HANDED_OFF || use == PortUse.RETURNING;
			HolderDescriptor holder = (showHolders && lentOut)
					? PortHolder.of(reservation.protocol(), port).map(HolderDescriptor::of).orElse(null) : null;
			return new PortUseDescriptor(use.label(), holder);
		}

	}

	/**
	 * A process holding a port.
	 *
	 * @param pid its process id
	 * @param command its command name
	 * @param commandLine its command line, when visible
	 */
	public record HolderDescriptor(long pid, String command, @Nullable String commandLine) {

		static HolderDescriptor of(PortHolder holder) {
			return new HolderDescriptor(holder.pid(), holder.command(), holder.commandLine().orElse(null));
		}

	}

}
