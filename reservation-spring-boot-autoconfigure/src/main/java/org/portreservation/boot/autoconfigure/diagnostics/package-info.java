/**
 * Failure analyses of web servers that could not bind their port: who holds it, and how a
 * reserved block keeps it this application's.
 */
@NullMarked
package org.portreservation.boot.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
