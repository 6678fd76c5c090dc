/**
 * Auto-configuration that binds the embedded Tomcat's connector, servlet or reactive,
 * from the block named by {@code portreservation.server.block}.
 */
@NullMarked
package org.portreservation.boot.autoconfigure.tomcat;

import org.jspecify.annotations.NullMarked;
