package org.portreservation.windows;

import org.junit.jupiter.api.TestReporter;

/**
 * Records what a Windows test saw where no source says what Windows does, so the answer
 * is kept rather than assumed: the line goes to the test report and to standard output,
 * which the Windows job of the workflow keeps.
 */
final class Observations {

	private Observations() {
	}

	/**
	 * Records one observation.
	 * @param reporter the test's reporter
	 * @param question what was tried
	 * @param answer what happened
	 */
	static void record(TestReporter reporter, String question, String answer) {
		reporter.publishEntry(question, answer);
		System.out.println("Observed on " + System.getProperty("os.name") + " " + System.getProperty("os.version")
				+ ": " + question + ": " + answer);
	}

	/**
	 * What an attempt did: {@code "succeeded"} or the exception it threw.
	 * @param attempt the attempt
	 * @return the outcome
	 */
	static String outcome(Attempt attempt) {
		try {
			attempt.run();
			return "succeeded";
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

	/** Something a test tries that may fail. */
	@FunctionalInterface
	interface Attempt {

		void run() throws Exception;

	}

}
