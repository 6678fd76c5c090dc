/**
 * Spring support for port reservations: the
 * {@link org.portreservation.boot.PortReservationTemplate} that applications inject to
 * bind sockets from named blocks.
 */
@NullMarked
package org.portreservation.boot;

import org.jspecify.annotations.NullMarked;
