package org.portreservation.unix;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs code on a thread of its own in a new network namespace, where
 * {@code /proc/sys/net} shows that namespace's settings: a test can write the kernel's
 * port settings there without changing them for the rest of the machine. Without root
 * (CAP_SYS_ADMIN) a test that uses it is skipped, saying why.
 */
final class NetworkNamespace {

	/** From linux/sched.h. */
	private static final int CLONE_NEWNET = 0x40000000;

	private NetworkNamespace() {
	}

	/**
	 * Calls {@code action} in a new network namespace, which ends with the thread.
	 * @param <T> what the action returns
	 * @param action the action
	 * @return what it returned
	 * @throws Exception what it threw
	 */
	static <T> T call(Callable<T> action) throws Exception {
		FutureTask<T> task = new FutureTask<>(() -> {
			try {
				// unshare(CLONE_NEWNET) moves only the calling thread.
				CLibrary.INSTANCE.unshare(CLONE_NEWNET);
			}
			catch (LastErrorException ex) {
				Assumptions.abort("skipped: a new network namespace needs root (CAP_SYS_ADMIN); unshare failed: "
						+ ex.getMessage());
			}
			return action.call();
		});
		Thread thread = new Thread(task, "new-network-namespace");
		thread.start();
		try {
			return task.get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/** The C library's {@code unshare}. */
	interface CLibrary extends Library {

		CLibrary INSTANCE = Native.load("c", CLibrary.class);

		int unshare(int flags) throws LastErrorException;

	}

}
