package org.portreservation.sample;

import java.util.List;

import org.portreservation.PortReservation;
import org.portreservation.boot.PortReservationTemplate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the reserved blocks and which of their ports are in use.
 */
@RestController
public class ReservationsController {

	private final PortReservationTemplate template;

	public ReservationsController(PortReservationTemplate template) {
		this.template = template;
	}

	@GetMapping("/reservations")
	public List<Block> reservations() {
		String backend = this.template.getPortReservations().backend().name();
		return this.template.getReservations()
			.entrySet()
			.stream()
			.map((entry) -> Block.of(entry.getKey(), entry.getValue(), backend))
			.toList();
	}

	/**
	 * One reserved block as the endpoint shows it.
	 *
	 * @param name its name under {@code portreservation.blocks}
	 * @param protocol {@code tcp} or {@code udp}
	 * @param startPort its first port
	 * @param endPort its last port
	 * @param freePorts the ports free to bind
	 * @param portsInUse the ports bound or leased
	 * @param backend the backend holding it
	 */
	public record Block(String name, String protocol, int startPort, int endPort, List<Integer> freePorts,
			List<Integer> portsInUse, String backend) {

		static Block of(String name, PortReservation reservation, String backend) {
			return new Block(name, reservation.protocol().label(), reservation.startPort(), reservation.endPort(),
					reservation.freePorts(), reservation.portsInUse(), backend);
		}

	}

}
