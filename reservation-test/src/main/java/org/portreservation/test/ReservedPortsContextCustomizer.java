package org.portreservation.test;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Gives an application context the blocks of a {@link ReservePorts} declaration: claimed
 * before the context refreshes, published as properties and as a {@link ReservedBlocks}
 * bean, released when the context closes or fails to start. Equal to another customizer
 * of an equal declaration, which makes the declaration part of the context cache key.
 */
final class ReservedPortsContextCustomizer implements ContextCustomizer {

	/** The name of the {@link ReservedBlocks} bean. */
	private static final String BEAN_NAME = "portReservationTestBlocks";

	private static final boolean STARTER_PRESENT = ClassUtils.isPresent("org.portreservation.boot.AdoptedBlocks",
			ReservedPortsContextCustomizer.class.getClassLoader());

	private final Declaration declaration;

	ReservedPortsContextCustomizer(Declaration declaration) {
		this.declaration = declaration;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (STARTER_PRESENT) {
			StarterAdoption.check(this.declaration, context.getEnvironment());
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
			throw new IllegalStateException("The " + this.declaration.source() + " needs an application context "
					+ "whose bean factory destroys beans, to release its blocks, but its bean factory is a "
					+ beanFactory.getClass().getName());
		}
		ReservedBlocks blocks = BlockRegistry.claim(this.declaration);
		// Registered first, so destroyed last: after the web server, after a failed
		// refresh too.
		registry.registerDisposableBean(BEAN_NAME + ".release", () -> BlockRegistry.release(blocks));
		beanFactory.registerSingleton(BEAN_NAME, blocks);
		context.getEnvironment().getPropertySources().addFirst(BlockProperties.of(blocks));
		if (STARTER_PRESENT) {
			StarterAdoption.register(blocks, beanFactory);
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ReservedPortsContextCustomizer customizer
				&& this.declaration.equals(customizer.declaration);
	}

	@Override
	public int hashCode() {
		return this.declaration.hashCode();
	}

}
