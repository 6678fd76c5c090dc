package org.portreservation.windows;

import java.util.Map;
import java.util.OptionalInt;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.PointerByReference;

import org.portreservation.windows.jna.Winsock2;
import org.portreservation.windows.jna.Kernel32;
import org.portreservation.PortBlock;
import org.portreservation.InvalidReservationArgumentException;
import org.portreservation.NoFreeBlockException;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.Protocol;
import org.portreservation.ReservationAccessDeniedException;
import org.portreservation.ReservationNotFoundException;
import org.portreservation.UnsupportedPlatformException;

/**
 * Turns the error codes of the port reservation IOCTLs and functions into this library's
 * exceptions, each with what to do about it; a code Microsoft does not document for the
 * call carries the system's own text.
 */
final class WindowsErrors {

	private static final Map<Integer, String> NAMES = Map.ofEntries(
			Map.entry(WinError.ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED"),
			Map.entry(WinError.ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION"),
			Map.entry(WinError.ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER"),
			Map.entry(WinError.ERROR_NOT_FOUND, "ERROR_NOT_FOUND"), Map.entry(WinError.WSAEINTR, "WSAEINTR"),
			Map.entry(WinError.WSAEACCES, "WSAEACCES"), Map.entry(WinError.WSAEFAULT, "WSAEFAULT"),
			Map.entry(WinError.WSAEINVAL, "WSAEINVAL"), Map.entry(WinError.WSAEINPROGRESS, "WSAEINPROGRESS"),
			Map.entry(WinError.WSAENOTSOCK, "WSAENOTSOCK"), Map.entry(WinError.WSAEOPNOTSUPP, "WSAEOPNOTSUPP"),
			Map.entry(WinError.WSAEADDRINUSE, "WSAEADDRINUSE"),
			Map.entry(WinError.WSAEADDRNOTAVAIL, "WSAEADDRNOTAVAIL"), Map.entry(WinError.WSAENETDOWN, "WSAENETDOWN"),
			Map.entry(WinError.WSAENOBUFS, "WSAENOBUFS"),
			Map.entry(Winsock2.WSA_OPERATION_ABORTED, "WSA_OPERATION_ABORTED"),
			Map.entry(Winsock2.WSA_IO_PENDING, "WSA_IO_PENDING"));

	private static final String EXCLUDED_RANGES = "'netsh int ipv4 show excludedportrange protocol=%s' lists the "
			+ "ranges Windows keeps for Hyper-V, WinNAT, Docker and administrators";

	private WindowsErrors() {
	}

	/** {@code SIO_ACQUIRE_PORT_RESERVATION} failed for {@code block}. */
	static PortReservationException acquireFailed(int code, PortBlock block) {
		String call = describe("WSAIoctl(SIO_ACQUIRE_PORT_RESERVATION)", code);
		if (code == WinError.WSAEADDRINUSE || code == WinError.WSAENOBUFS) {
			if (block.isAnyFree()) {
				return new NoFreeBlockException("Windows has no free block of " + block.numberOfPorts() + " "
						+ block.protocol().label() + " ports to reserve (" + call + "): ask for fewer ports, or free "
						+ "some; " + excludedRanges(block.protocol()));
			}
			if (code == WinError.WSAEADDRINUSE) {
				return inUse(block, "in use, in another reservation or in a range Windows excludes", call,
						excludedRanges(block.protocol()) + ", and 'netstat -ano -p " + block.protocol().label()
								+ "' the ports in use; choose another block, or startPort 0 for any free block");
			}
		}
		if (code == WinError.WSAEACCES) {
			return new ReservationAccessDeniedException("Windows denied the " + block + " (" + call + "): it "
					+ "probably lies in a range Windows excludes, which " + excludedRanges(block.protocol())
					+ "; choose another block or startPort 0, or run elevated as an administrator if a policy "
					+ "restricts this process");
		}
		if (code == WinError.WSAEINVAL) {
			return new InvalidReservationArgumentException("Windows refused to reserve the " + block + " (" + call
					+ "): choose another block, or startPort 0 for any free block");
		}
		return common(call, code, "reserve the " + block);
	}

	/**
	 * {@code SIO_ASSOCIATE_PORT_RESERVATION} failed for a socket about to bind from
	 * {@code reservation}.
	 */
	static PortReservationException associateFailed(int code, Object reservation, boolean persistent) {
		String call = describe("WSAIoctl(SIO_ASSOCIATE_PORT_RESERVATION)", code);
		if (code == WinError.WSAEACCES) {
			return new ReservationAccessDeniedException("Binding from the " + reservation + " was denied (" + call
					+ "): "
					+ (persistent
							? "a persistent reservation can be used only by an administrator in an "
									+ "elevated process; run elevated as an administrator ('Run as administrator', or "
									+ "requestedExecutionLevel requireAdministrator in the manifest of the executable)"
							: "a runtime reservation can be used only by the process that acquired it; if a policy "
									+ "restricts this process, run elevated as an administrator"));
		}
		if (code == WinError.WSAEINVAL) {
			return new PortReservationException("Windows refused to bind the channel from the " + reservation + " ("
					+ call + "): the reservation is gone" + (persistent ? " or was deleted" : "")
					+ ", or the channel is not an unbound socket of the reservation's protocol; acquire the "
					+ "block again and bind a new, unbound channel");
		}
		return common(call, code, "bind from the " + reservation);
	}

	/** {@code CreatePersistent*PortReservation} failed for {@code block}. */
	static PortReservationException createFailed(int code, PortBlock block) {
		String call = describe(PersistentPortReservations.function("Create", block.protocol()), code);
		if (code == WinError.ERROR_ACCESS_DENIED) {
			return needsElevation("Creating a persistent reservation of the " + block, call);
		}
		if (code == WinError.ERROR_SHARING_VIOLATION) {
			return inUse(block, "in use or in another persistent reservation", call,
					"'netstat -ano -p " + block.protocol().label() + "' lists the ports in use and "
							+ excludedRanges(block.protocol()) + "; choose another block");
		}
		return persistentCommon(call, code, block, "create a persistent reservation of the " + block);
	}

	/** {@code DeletePersistent*PortReservation} failed for {@code block}. */
	static PortReservationException deleteFailed(int code, PortBlock block) {
		String call = describe(PersistentPortReservations.function("Delete", block.protocol()), code);
		if (code == WinError.ERROR_ACCESS_DENIED) {
			return needsElevation("Deleting the persistent reservation of the " + block, call);
		}
		if (code == WinError.ERROR_NOT_FOUND) {
			return notFound(block, call);
		}
		return persistentCommon(call, code, block, "delete the persistent reservation of the " + block);
	}

	/**
	 * {@code LookupPersistent*PortReservation} failed for {@code block} with a code other
	 * than not found.
	 */
	static PortReservationException lookupFailed(int code, PortBlock block) {
		String call = describe(PersistentPortReservations.function("Lookup", block.protocol()), code);
		return persistentCommon(call, code, block, "look up the persistent reservation of the " + block);
	}

	/** No persistent reservation of exactly {@code block} exists. */
	static ReservationNotFoundException notFound(PortBlock block, String call) {
		return new ReservationNotFoundException("Windows has no persistent reservation of exactly the " + block + " ("
				+ call + "): a persistent reservation is found and deleted by the exact start and number "
				+ "of ports it was created with");
	}

	/**
	 * Names a code: {@code WSAEADDRINUSE (10048)}, or the system's text for a code this
	 * class does not know.
	 */
	static String describe(String call, int code) {
		String name = NAMES.get(code);
		return call + ": " + ((name != null) ? name + " " + code : "error " + code + ", " + systemText(code));
	}

	/**
	 * Windows refused the block because a port of it is taken, without saying which:
	 * names the port a bind finds refused, or says that it is unknown.
	 */
	private static PortReservationException inUse(PortBlock block, String taken, String call, String advice) {
		OptionalInt busy = BusyPorts.first(block);
		if (busy.isPresent()) {
			return new PortsInUseException(
					"Port " + busy.getAsInt() + " of the " + block + " is " + taken + " (" + call + "): " + advice,
					busy.getAsInt(), -1, null);
		}
		return new PortReservationException("A port of the " + block + " is " + taken + " (" + call
				+ "), but which port is unknown: Windows does not say, and every port of the block could be bound "
				+ "just after, so it may be free again: try again; " + advice);
	}

	private static ReservationAccessDeniedException needsElevation(String action, String call) {
		return new ReservationAccessDeniedException(action + " needs an administrator in an elevated process (" + call
				+ "): run elevated as an administrator ('Run as administrator')");
	}

	private static PortReservationException persistentCommon(String call, int code, PortBlock block, String action) {
		if (code == WinError.ERROR_INVALID_PARAMETER) {
			return new InvalidReservationArgumentException("Windows refused the " + block + " as invalid (" + call
					+ "): a persistent reservation needs a start port and a number of ports above 0, within port "
					+ "65535");
		}
		return new PortReservationException("Could not " + action + " (" + call + ")");
	}

	private static PortReservationException common(String call, int code, String action) {
		if (code == WinError.WSAEOPNOTSUPP) {
			return new UnsupportedPlatformException("Could not " + action + ": this Windows, or a layered service "
					+ "provider on its sockets, does not support port reservations (" + call + "); they need Windows "
					+ "Vista or later without an old layered provider ('netsh winsock show catalog' lists them)");
		}
		if (code == WinError.WSAEINTR || code == Winsock2.WSA_OPERATION_ABORTED || code == WinError.WSAEINPROGRESS) {
			return new PortReservationException("Could not " + action + ": the call was interrupted, as when "
					+ "another thread closes the socket (" + call + "); try again");
		}
		if (code == WinError.WSAENETDOWN) {
			return new PortReservationException("Could not " + action + ": the network subsystem failed (" + call
					+ "); check the network adapters and the Windows event log, then try again");
		}
		if (code == WinError.WSAEFAULT || code == WinError.WSAENOTSOCK || code == Winsock2.WSA_IO_PENDING) {
			return new PortReservationException("Could not " + action + ": Windows refused the call as this library "
					+ "made it (" + call + "), which is a bug in portreservation; please report it with this message");
		}
		return new PortReservationException("Could not " + action + " (" + call + ")");
	}

	private static String excludedRanges(Protocol protocol) {
		return String.format(EXCLUDED_RANGES, protocol.label());
	}

	/**
	 * What {@code Kernel32Util.formatMessage} does, through this backend's own load of
	 * kernel32, which calls {@code FormatMessageW}, whose text is wide characters.
	 */
	private static String systemText(int code) {
		PointerByReference buffer = new PointerByReference();
		int length = Kernel32.INSTANCE.FormatMessage(WinBase.FORMAT_MESSAGE_ALLOCATE_BUFFER
				| WinBase.FORMAT_MESSAGE_FROM_SYSTEM | WinBase.FORMAT_MESSAGE_IGNORE_INSERTS, null, code, 0, buffer, 0,
				null);
		if (length == 0) {
			return "which Windows has no text for";
		}
		try {
			return buffer.getValue().getWideString(0).trim();
		}
		finally {
			Kernel32.INSTANCE.LocalFree(buffer.getValue());
		}
	}

}
