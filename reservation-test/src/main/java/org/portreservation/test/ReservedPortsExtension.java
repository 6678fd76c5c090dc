package org.portreservation.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.portreservation.PortReservation;

/**
 * The JUnit Jupiter extension that {@link ReservePorts} registers: the test class holds
 * its declaration's blocks from before its first test until after its last, and
 * {@link ReservedPort} parameters resolve from them. In a Spring test the application
 * context holds the same blocks (equal declarations share them), so parameters and
 * properties agree.
 */
final class ReservedPortsExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(ReservedPortsExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		claim(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ReservedBlocks blocks = context.getStore(NAMESPACE)
			.remove(context.getRequiredTestClass(), ReservedBlocks.class);
		if (blocks != null) {
			BlockRegistry.release(blocks);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.isAnnotated(ReservedPort.class);
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		ReservedPort port = parameter.findAnnotation(ReservedPort.class).orElseThrow();
		Class<?> type = parameter.getParameter().getType();
		ReservedBlocks blocks = claim(classContext(context));
		try {
			if (type == int.class || type == Integer.class) {
				return blocks.port(port.value(), port.index());
			}
			if (type == PortReservation.class) {
				return blocks.reservation(port.value());
			}
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterResolutionException(
					"Cannot resolve " + parameter.getParameter() + ": " + ex.getMessage(), ex);
		}
		throw new ParameterResolutionException("@ReservedPort(\"" + port.value() + "\") " + parameter.getParameter()
				+ " must be an int, an Integer or a " + PortReservation.class.getName() + ", was " + type.getName());
	}

	/**
	 * The blocks the test class holds, claimed now if they are not yet: a constructor
	 * parameter of a per-class test instance is resolved before {@link #beforeAll}.
	 */
	private static ReservedBlocks claim(ExtensionContext classContext) {
		Class<?> testClass = classContext.getRequiredTestClass();
		ExtensionContext.Store store = classContext.getStore(NAMESPACE);
		ReservedBlocks blocks = store.get(testClass, ReservedBlocks.class);
		if (blocks == null) {
			blocks = BlockRegistry.claim(Declaration.of(testClass));
			store.put(testClass, blocks);
		}
		return blocks;
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
