/**
 * A web application whose server and UDP echo service bind from reserved blocks.
 */
@NullMarked
package org.portreservation.sample;

import org.jspecify.annotations.NullMarked;
