package org.portreservation.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.boot.AdoptedBlocks;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.PortReservationProperties.Block;

/**
 * Reserves the blocks of {@link PortReservationProperties}: all of them or, when a block
 * fails and fail-fast is on, none. An adopted block takes the place of a configured block
 * of its name.
 */
final class ConfiguredBlocks {

	private static final Log logger = LogFactory.getLog(ConfiguredBlocks.class);

	private ConfiguredBlocks() {
	}

	static PortReservationTemplate reserve(PortReservations portReservations, PortReservationProperties properties,
			AdoptedBlocks adopted) {
		String backend = portReservations.backend().name();
		Map<String, PortReservation> reserved = new LinkedHashMap<>();
		for (Entry<String, Block> entry : properties.getBlocks().entrySet()) {
			String name = entry.getKey();
			Block block = entry.getValue();
			if (adopted.getReservations().containsKey(name)) {
				logger.info("Left out the block '" + name + "' (" + block + "): the block of that name adopted from "
						+ adopted.getOwner() + " takes its place");
				continue;
			}
			PortReservation reservation;
			try {
				reservation = reserve(portReservations, block);
			}
			catch (RuntimeException ex) {
				if (properties.isFailFast()) {
					BlockAcquisitionException failure = new BlockAcquisitionException(name, block, ex);
					// The template's close releases every block even when one of them
					// fails to close.
					try {
						new PortReservationTemplate(portReservations, reserved).close();
					}
					catch (RuntimeException closeFailure) {
						failure.addSuppressed(closeFailure);
					}
					throw failure;
				}
				logger.warn("Left out the block '" + name + "' (" + block
						+ ") because portreservation.fail-fast is false: " + ex.getMessage());
				continue;
			}
			reserved.put(name, reservation);
			logger.info("Reserved " + reservation.protocol().label() + " block '" + name + "' "
					+ reservation.startPort() + "-" + reservation.endPort()
					+ (reservation.persistent() ? " persistent" : "") + " (" + backend + ")");
		}
		return new PortReservationTemplate(portReservations, reserved, adopted);
	}

	/**
	 * A persistent block is taken over if it exists and created otherwise; closing it
	 * keeps it.
	 */
	private static PortReservation reserve(PortReservations portReservations, Block block) {
		PortBlock ports = block.toPortBlock();
		if (!block.isPersistent()) {
			return portReservations.acquire(ports);
		}
		return portReservations.lookupPersistent(ports).orElseGet(() -> portReservations.createPersistent(ports));
	}

}
