/**
 * JMH benchmarks of this library against raw sockets and Spring's
 * {@code TestSocketUtils}; see {@code benchmarks/README.md} for the commands and the
 * figures.
 */
@NullMarked
package org.portreservation.benchmarks;

import org.jspecify.annotations.NullMarked;
