package org.portreservation.boot.autoconfigure.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.portreservation.BlockArguments;

/**
 * A range of ports Windows keeps from applications, as
 * {@code netsh interface ipv4 show excludedportrange} lists it.
 *
 * @param startPort the first port
 * @param endPort the last port, inclusive
 * @param administered whether an administrator added it ({@code *} in the listing);
 * otherwise Windows' NAT service reserved it for Hyper-V, WSL 2 or Docker
 */
record ExcludedPortRange(int startPort, int endPort, boolean administered) {

	/**
	 * A row of the listing: start and end port, then {@code *} for an administered one.
	 * The headers around the rows are localized, the digits are not.
	 */
	private static final Pattern ROW = Pattern.compile("\\s*(\\d{1,5})\\s+(\\d{1,5})\\s*(\\*)?\\s*");

	/**
	 * The ranges of a listing.
	 * @param netshOutput what netsh printed, in any language, with any line ends
	 * @return the ranges in the listing's order; empty when it lists none
	 */
	static List<ExcludedPortRange> parse(String netshOutput) {
		List<ExcludedPortRange> ranges = new ArrayList<>();
		for (String line : netshOutput.split("\\R")) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				int start = Integer.parseInt(row.group(1));
				int end = Integer.parseInt(row.group(2));
				if (start >= 1 && start <= end && end <= BlockArguments.MAX_PORT) {
					ranges.add(new ExcludedPortRange(start, end, row.group(3) != null));
				}
			}
		}
		return ranges;
	}

	boolean contains(int port) {
		return port >= this.startPort && port <= this.endPort;
	}

	int numberOfPorts() {
		return this.endPort - this.startPort + 1;
	}

	@Override
	public String toString() {
		return this.startPort + "-" + this.endPort;
	}

}
