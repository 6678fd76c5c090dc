/**
 * Auto-configuration of the operations views of the named blocks: the actuator endpoint,
 * the health contributor and the metrics, each present only with its library.
 */
@NullMarked
package org.portreservation.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
