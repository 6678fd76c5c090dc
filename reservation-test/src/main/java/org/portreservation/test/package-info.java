/**
 * Reserved blocks of ports for tests, in place of probing for a free port (Spring's
 * {@code TestSocketUtils}): {@link org.portreservation.test.ReservePorts} on a JUnit
 * Jupiter test class, {@link org.portreservation.test.ReservedPort} parameters, and, in a
 * Spring test, blocks that belong to the application context and are published as
 * properties before it refreshes.
 */
@NullMarked
package org.portreservation.test;

import org.jspecify.annotations.NullMarked;
