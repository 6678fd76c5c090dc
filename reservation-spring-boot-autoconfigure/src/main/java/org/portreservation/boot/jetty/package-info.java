/**
 * Binds Jetty's connectors from a reserved block, with or without Spring Boot.
 */
@NullMarked
package org.portreservation.boot.jetty;

import org.jspecify.annotations.NullMarked;
