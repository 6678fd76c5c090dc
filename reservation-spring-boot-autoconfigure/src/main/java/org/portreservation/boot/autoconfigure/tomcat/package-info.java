/**
 * Binds the embedded Tomcat's connector from a reserved block: a NIO endpoint that binds
 * its server channel through the block instead of opening the port itself.
 */
package org.portreservation.boot.autoconfigure.tomcat;
