package org.portreservation.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Makes a test class's {@link ReservePorts} declaration part of its Spring application
 * context: registered in {@code META-INF/spring.factories}.
 */
class ReservedPortsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		Declaration declaration = Declaration.find(testClass);
		return (declaration != null) ? new ReservedPortsContextCustomizer(declaration) : null;
	}

}
