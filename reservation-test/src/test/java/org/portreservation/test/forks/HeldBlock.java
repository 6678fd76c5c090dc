package org.portreservation.test.forks;

import org.portreservation.Protocol;

/**
 * A block one test JVM held, and when, as a line of a record file:
 * {@code pid protocol start end from-millis to-millis}, wall-clock milliseconds so that
 * the lines of different JVMs compare.
 *
 * @param pid the JVM's process id
 * @param protocol the block's protocol
 * @param start its first port
 * @param end its last port
 * @param fromMillis when it was known to be held
 * @param toMillis until when it was known to be held
 */
record HeldBlock(long pid, Protocol protocol, int start, int end, long fromMillis, long toMillis) {

	static HeldBlock parse(String line) {
		String[] fields = line.trim().split(" ");
		return new HeldBlock(Long.parseLong(fields[0]), Protocol.valueOf(fields[1].toUpperCase()),
				Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Long.parseLong(fields[4]),
				Long.parseLong(fields[5]));
	}

	String line() {
		return this.pid + " " + this.protocol.label() + " " + this.start + " " + this.end + " " + this.fromMillis + " "
				+ this.toMillis;
	}

	boolean sharesAPortWith(HeldBlock other) {
		return this.protocol == other.protocol && this.start <= other.end && other.start <= this.end;
	}

	boolean heldAtTheSameTimeAs(HeldBlock other) {
		return this.fromMillis < other.toMillis && other.fromMillis < this.toMillis;
	}

	@Override
	public String toString() {
		return "pid " + this.pid + " held " + this.protocol.label() + " " + this.start + "-" + this.end + " from "
				+ this.fromMillis + " to " + this.toMillis;
	}

}
