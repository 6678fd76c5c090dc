package org.portreservation.boot.actuate;

import java.util.Set;

import org.portreservation.boot.actuate.PortReservationsEndpoint.BlockDescriptor;
import org.portreservation.boot.actuate.PortReservationsEndpoint.PortReservationsDescriptor;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the
 * {@link PortReservationsEndpoint}: names the processes holding lent-out ports only to
 * the users {@code showHolders} and the roles allow, and answers 404 for an unknown
 * block.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = PortReservationsEndpoint.class)
public class PortReservationsEndpointWebExtension {

	private final PortReservationsEndpoint delegate;

	private final Show showHolders;

	private final Set<String> roles;

	/**
	 * Creates the extension.
	 * @param delegate the endpoint
	 * @param showHolders when to name the processes holding lent-out ports
	 * @param roles the roles that may see them when {@code showHolders} is
	 * {@link Show#WHEN_AUTHORIZED}; empty for every authenticated user
	 */
	public PortReservationsEndpointWebExtension(PortReservationsEndpoint delegate, Show showHolders,
			Set<String> roles) {
		this.delegate = delegate;
		this.showHolders = showHolders;
		this.roles = roles;
	}

	/**
	 * The backend and every named block.
	 * @param securityContext who asks
	 * @return the description
	 */
	@ReadOperation
	public PortReservationsDescriptor portReservations(SecurityContext securityContext) {
		return this.delegate.describe(this.showHolders.isShown(securityContext, this.roles));
	}

	/**
	 * One named block.
	 * @param securityContext who asks
	 * @param name the block's name
	 * @return its description, or 404 if no block has that name
	 */
	@ReadOperation
	public WebEndpointResponse<BlockDescriptor> block(SecurityContext securityContext, @Selector String name) {
		BlockDescriptor block = this.delegate.describeBlock(name,
				this.showHolders.isShown(securityContext, this.roles));
		return (block != null) ? new WebEndpointResponse<>(block, WebEndpointResponse.STATUS_OK)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
