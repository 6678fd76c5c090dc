/**
 * What operators see of the named blocks: the {@code portreservations} actuator endpoint,
 * the {@code portReservations} health contributor and the {@code portreservation.ports}
 * gauges.
 */
@NullMarked
package org.portreservation.boot.actuate;

import org.jspecify.annotations.NullMarked;
