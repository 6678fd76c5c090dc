package org.portreservation.windows;

import org.portreservation.JavaProcess;

/**
 * Runs in a second JVM started with JNA's ASCII default ({@code w32.ascii=true}, read
 * once, before any binding loads) and prints how the backend describes an error code, so
 * that the text Windows gives is read in the width it was written.
 */
final class SystemTextWithAsciiDefault {

	private SystemTextWithAsciiDefault() {
	}

	/**
	 * How the backend describes a code in a JVM whose JNA default is ASCII.
	 * @param code a code the backend has no name for
	 * @return the description
	 */
	static String describe(int code) {
		String libraries = System.getProperty("jna.library.path", "");
		try (JavaProcess jvm = JavaProcess.start(SystemTextWithAsciiDefault.class, Integer.toString(code), libraries)) {
			String description = jvm.readLineStartingWith("described ");
			if (jvm.waitFor() != 0) {
				throw new AssertionError("The JVM failed: " + jvm.errors());
			}
			return description;
		}
	}

	public static void main(String[] args) {
		System.setProperty("w32.ascii", "true");
		if (!args[1].isEmpty()) {
			System.setProperty("jna.library.path", args[1]);
		}
		System.out.println("described " + WindowsErrors.describe("call", Integer.parseInt(args[0])));
	}

}
