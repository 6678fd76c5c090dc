package org.portreservation.windows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.NetworkChannel;

import com.sun.jna.platform.win32.WinDef.UINT_PTR;

import org.portreservation.PortReservationException;

/**
 * Finds the Winsock {@code SOCKET} behind a JDK channel, which the port reservation
 * IOCTLs need.
 * <p>
 * On JDK 17 to 25 every socket channel of the default provider implements
 * {@code sun.nio.ch.SelChImpl}, whose public {@code getFDVal()} returns the descriptor:
 * on Windows, the {@code SOCKET} narrowed to an {@code int}. Calling it needs only that
 * the package be exported to this code, a lighter and steadier demand than opening
 * private fields; without the export this class fails with the exact flag to add.
 */
final class SocketHandles {

	private static final String PACKAGE = "sun.nio.ch";

	private static final String CHANNEL_IMPLEMENTATION = PACKAGE + ".SelChImpl";

	private SocketHandles() {
	}

	/**
	 * The {@code SOCKET} of a channel of the JDK's default provider.
	 * @param channel an open channel
	 * @return the handle, widened with sign extension as the JDK does when it hands it to
	 * Winsock
	 * @throws PortReservationException if the JVM lacks the export or the channel is not
	 * the JDK's own
	 */
	static UINT_PTR of(NetworkChannel channel) {
		Accessor accessor = Accessor.get();
		if (!accessor.implementation().isInstance(channel)) {
			throw new PortReservationException("A " + channel.getClass().getName() + " has no Winsock SOCKET this "
					+ "library can find: bind channels opened by ServerSocketChannel.open(), SocketChannel.open() "
					+ "or DatagramChannel.open() of the JDK's default provider");
		}
		try {
			return new UINT_PTR((int) accessor.getFDVal().invoke(channel));
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new PortReservationException("Could not read the SOCKET of " + channel + ": " + ex, ex);
		}
	}

	/**
	 * The JVM option that lets this library read the {@code SOCKET} of a channel.
	 * @return for example {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}
	 */
	static String requiredJvmOption() {
		Module module = SocketHandles.class.getModule();
		return "--add-exports java.base/" + PACKAGE + "=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
	}

	/**
	 * The JDK's channel interface and its method, looked up on first use so other
	 * platforms never touch them.
	 */
	private record Accessor(Class<?> implementation, MethodHandle getFDVal) {

		private static Accessor instance;

		static synchronized Accessor get() {
			if (instance == null) {
				if (!Object.class.getModule().isExported(PACKAGE, SocketHandles.class.getModule())) {
					throw new PortReservationException("Binding from a Windows port reservation needs the SOCKET "
							+ "behind each Java channel, which only the JDK's " + PACKAGE + " package tells: start "
							+ "the JVM with " + requiredJvmOption() + " (an executable jar can carry 'Add-Exports: "
							+ "java.base/" + PACKAGE + "' in its manifest instead)");
				}
				try {
					Class<?> implementation = Class.forName(CHANNEL_IMPLEMENTATION);
					instance = new Accessor(implementation, MethodHandles.lookup()
						.findVirtual(implementation, "getFDVal", MethodType.methodType(int.class)));
				}
				catch (ReflectiveOperationException ex) {
					throw new PortReservationException("This JDK (" + Runtime.version() + ") has no "
							+ CHANNEL_IMPLEMENTATION + ".getFDVal(), which JDK 17 to 25 have: run on one of those", ex);
				}
			}
			return instance;
		}

	}

}
