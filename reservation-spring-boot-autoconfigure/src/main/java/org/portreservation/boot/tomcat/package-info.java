/**
 * Tomcat's HTTP/1.1 connector bound from a reserved block: a NIO endpoint that binds its
 * server channel through the block instead of opening the port itself.
 */
@NullMarked
package org.portreservation.boot.tomcat;

import org.jspecify.annotations.NullMarked;
