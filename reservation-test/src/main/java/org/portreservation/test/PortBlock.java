package org.portreservation.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.portreservation.Protocol;

/**
 * One named block of {@link ReservePorts}: any free block of {@link #numberOfPorts()}
 * ports, or exactly {@code [startPort, startPort + numberOfPorts)}.
 * <p>
 * By default the block guards its ports for sockets bound from it
 * ({@link org.portreservation.PortReservation#openServerSocketChannel()}, a Spring Boot
 * server through {@code portreservation.server.block}): nothing else binds them
 * meanwhile. A server the test does not control cannot bind a guarded port; for one,
 * declare {@link #handOff()}.
 *
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PortBlock {

	/**
	 * The block's name, used by {@link ReservedPort}, {@link ReservedBlocks} and the
	 * properties {@code portreservation.test.blocks.<name>.*}: lower-case letters, digits
	 * and hyphens.
	 * @return the name
	 */
	String name();

	/**
	 * The protocol of the block's ports.
	 * @return TCP unless set
	 */
	Protocol protocol() default Protocol.TCP;

	/**
	 * The first port, or 0 for any free block.
	 * @return 0 unless set
	 */
	int startPort() default 0;

	/**
	 * How many contiguous ports.
	 * @return 1 unless set
	 */
	int numberOfPorts() default 1;

	/**
	 * Whether the ports are for a server the test does not control, such as WireMock, a
	 * JDK {@code HttpServer} or a container's fixed host port, which binds them itself
	 * without {@code SO_REUSEPORT}.
	 * <p>
	 * The block is reserved as usual, then every port is handed off when the test class
	 * (or its Spring context) starts: its guard is dropped so that the server can bind
	 * it. Other users of this library, parallel test forks included, still never get an
	 * overlapping block until the block is released, and a block of any free ports is
	 * chosen outside the kernel's ephemeral range, so bind(0) and outgoing connections do
	 * not land on it.
	 * <p>
	 * <b>The residual risk:</b> from the hand-off until the server binds, and after the
	 * server closes, a process that does not use this library and binds one of these port
	 * numbers explicitly (a hard-coded port, another suite's random probe) can take it.
	 * <p>
	 * <b>On Windows</b> only the process that acquired a runtime reservation can bind
	 * from it, so no server can be handed its ports: the block is released when the test
	 * starts, with a warning, and is from then on a probe with no guarantee, as with
	 * Spring's {@code TestSocketUtils} (still outside the dynamic port range).
	 * @return {@code false} unless set
	 */
	boolean handOff() default false;

}
