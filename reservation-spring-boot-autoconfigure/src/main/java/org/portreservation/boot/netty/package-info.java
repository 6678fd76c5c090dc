/**
 * Binds Reactor Netty's TCP servers from a reserved block, with or without Spring Boot.
 */
@NullMarked
package org.portreservation.boot.netty;

import org.jspecify.annotations.NullMarked;
