package org.portreservation.boot.autoconfigure.actuate;

import java.util.HashSet;
import java.util.Set;

import org.portreservation.boot.actuate.PortReservationsEndpoint;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the {@link PortReservationsEndpoint}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.endpoint.portreservations")
public class PortReservationsEndpointProperties {

	/**
	 * When to show the id and command line of another process holding a port handed off
	 * or taken since it came back.
	 */
	private Show showHolders = Show.NEVER;

	/**
	 * Roles used to determine whether a user is authorized to be shown the processes
	 * holding ports. When empty, all authenticated users are authorized.
	 */
	private final Set<String> roles = new HashSet<>();

	public Show getShowHolders() {
		return this.showHolders;
	}

	public void setShowHolders(Show showHolders) {
		this.showHolders = showHolders;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
