package org.portreservation.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reserves blocks of ports for a test class, in place of probing for a free port: each
 * {@link PortBlock} is held from before the class's first test (or its Spring application
 * context's refresh) until after its last test (or the context's close), so no parallel
 * fork, other process or outgoing connection takes its ports in between.
 * <p>
 * In plain JUnit the blocks belong to the test class. In a Spring test they belong to the
 * application context and are published as the properties
 * {@code portreservation.test.blocks.<name>.port}, {@code .start-port}, {@code .end-port}
 * and {@code .ports}; the declaration is part of the context cache key, so classes with
 * equal declarations share a context and its ports. Within one JVM, everything that
 * declares equal blocks (test classes, contexts and {@link ReservedBlocks#of}) uses the
 * same blocks while any of them holds them. Test methods and constructors receive ports
 * and blocks through {@link ReservedPort} parameters.
 * <p>
 * A port of a block with nothing bound to it refuses connections, so it is the safe "dead
 * port" for a negative test: no other process can be listening there.
 *
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ReservedPortsExtension.class)
public @interface ReservePorts {

	/**
	 * The blocks, each with a name unique in the declaration.
	 * @return at least one block
	 */
	PortBlock[] value();

}
