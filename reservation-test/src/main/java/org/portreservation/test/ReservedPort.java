package org.portreservation.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a block of {@link ReservePorts} into a test method or constructor parameter: an
 * {@code int} or {@code Integer} parameter gets one of its ports (the first unless
 * {@link #index()} says otherwise), a {@link org.portreservation.PortReservation}
 * parameter the block itself. In a Spring test it is the block of the test's application
 * context.
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReservedPort {

	/**
	 * The name of a {@link PortBlock} of the test's {@link ReservePorts}.
	 * @return the block's name
	 */
	String value();

	/**
	 * Which port of the block an {@code int} parameter gets, counted from its first.
	 * @return 0, the first port, unless set
	 */
	int index() default 0;

}
