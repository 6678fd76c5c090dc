/**
 * A web application whose server and UDP echo service bind from reserved blocks.
 */
package org.portreservation.sample;
