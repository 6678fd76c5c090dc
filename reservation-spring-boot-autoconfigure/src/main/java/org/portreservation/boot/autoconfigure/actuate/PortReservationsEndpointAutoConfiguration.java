package org.portreservation.boot.autoconfigure.actuate;

import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.actuate.PortReservationsEndpoint;
import org.portreservation.boot.actuate.PortReservationsEndpointWebExtension;
import org.portreservation.boot.autoconfigure.PortReservationAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link PortReservationsEndpoint}, available like Boot's own endpoints only once
 * exposed.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PortReservationAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(PortReservationsEndpoint.class)
@EnableConfigurationProperties(PortReservationsEndpointProperties.class)
public final class PortReservationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PortReservationTemplate.class)
	PortReservationsEndpoint portReservationsEndpoint(PortReservationTemplate template,
			PortReservationsEndpointProperties properties) {
		return new PortReservationsEndpoint(template, properties.getShowHolders());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PortReservationsEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	PortReservationsEndpointWebExtension portReservationsEndpointWebExtension(PortReservationsEndpoint endpoint,
			PortReservationsEndpointProperties properties) {
		return new PortReservationsEndpointWebExtension(endpoint, properties.getShowHolders(), properties.getRoles());
	}

}
