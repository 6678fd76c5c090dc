package org.portreservation.boot.autoconfigure;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.boot.AdoptedBlocks;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.autoconfigure.PortReservationProperties.Block;

import org.springframework.boot.devtools.restart.Restarter;

/**
 * Keeps the configured blocks across DevTools restarts, in an attribute of the
 * {@link Restarter}, so that a restarted context binds from the same ports: a wildcard
 * block would otherwise land elsewhere at every restart, breaking open browser tabs,
 * LiveReload and redirect URIs.
 * <p>
 * A block whose configuration is unchanged is reused; any other kept block is released
 * before the new configuration is reserved, so a block may move onto its own old ports.
 * The attribute holds only JDK and core types, as the restart class loader may load this
 * module's classes anew at each restart.
 */
final class RestartKeptBlocks {

	private static final String ATTRIBUTE = "portreservation.kept-blocks";

	private static final Log logger = LogFactory.getLog(RestartKeptBlocks.class);

	private RestartKeptBlocks() {
	}

	/**
	 * Reserves the configured blocks, reusing those kept from before the restart.
	 * @param portReservations the backend
	 * @param properties the configuration of this start
	 * @param restarter where the blocks are kept
	 * @return a template whose close keeps the named blocks for the next start
	 */
	static PortReservationTemplate reserve(PortReservations portReservations, PortReservationProperties properties,
			Restarter restarter) {
		@SuppressWarnings("unchecked")
		Map<String, Map.Entry<String, Object>> kept = (Map<String, Map.Entry<String, Object>>) restarter
			.getOrAddAttribute(ATTRIBUTE, ConcurrentHashMap::new);
		Map<String, PortReservation> reused = reuseOrRelease(kept, properties);
		PortReservationProperties missing = new PortReservationProperties();
		missing.setFailFast(properties.isFailFast());
		properties.getBlocks().forEach((name, block) -> {
			if (!reused.containsKey(name)) {
				missing.getBlocks().put(name, block);
			}
		});
		// Test blocks exist only in tests, where DevTools does not restart.
		Map<String, PortReservation> reserved = ConfiguredBlocks
			.reserve(portReservations, missing, AdoptedBlocks.none())
			.getReservations();
		Map<String, PortReservation> all = new LinkedHashMap<>();
		properties.getBlocks().forEach((name, block) -> {
			PortReservation reservation = reused.containsKey(name) ? reused.get(name) : reserved.get(name);
			if (reservation != null) {
				all.put(name, reservation);
				kept.put(name, Map.entry(block.toString(), reservation));
			}
		});
		return new KeptBlocksTemplate(portReservations, all);
	}

	/**
	 * The kept blocks whose configuration is unchanged; releases the others, and those no
	 * longer configured.
	 */
	private static Map<String, PortReservation> reuseOrRelease(Map<String, Map.Entry<String, Object>> kept,
			PortReservationProperties properties) {
		Map<String, PortReservation> reused = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, Map.Entry<String, Object>>> entries = kept.entrySet().iterator(); entries
			.hasNext();) {
			Map.Entry<String, Map.Entry<String, Object>> entry = entries.next();
			String name = entry.getKey();
			Block block = properties.getBlocks().get(name);
			Object reservation = entry.getValue().getValue();
			if (block != null && block.toString().equals(entry.getValue().getKey())
					&& reservation instanceof PortReservation current && current.isOpen()) {
				reused.put(name, current);
				logger.info("Kept " + current.protocol().label() + " block '" + name + "' " + current.startPort() + "-"
						+ current.endPort() + " across the restart");
			}
			else {
				entries.remove();
				release(name, reservation);
			}
		}
		return reused;
	}

	/**
	 * Closes a kept block through {@link AutoCloseable}, which also serves one loaded by
	 * an earlier restart's class loader.
	 */
	private static void release(String name, Object reservation) {
		try {
			((AutoCloseable) reservation).close();
			logger.info("Released the block '" + name + "' (" + reservation + "): its configuration changed");
		}
		catch (Exception ex) {
			logger.warn("Could not release the block '" + name + "' (" + reservation + ") kept from before the "
					+ "restart: " + ex.getMessage());
		}
	}

	/** A template whose named blocks outlive it, kept for the next start. */
	private static final class KeptBlocksTemplate extends PortReservationTemplate {

		KeptBlocksTemplate(PortReservations portReservations, Map<String, PortReservation> reservations) {
			super(portReservations, reservations);
		}

		@Override
		protected boolean releasesNamedBlocks() {
			return false;
		}

	}

}
