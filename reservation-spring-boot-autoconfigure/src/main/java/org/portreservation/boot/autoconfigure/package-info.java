/**
 * Auto-configuration of port reservations: the blocks configured under
 * {@code portreservation}, reserved at start-up and released when the context closes.
 */
@NullMarked
package org.portreservation.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
