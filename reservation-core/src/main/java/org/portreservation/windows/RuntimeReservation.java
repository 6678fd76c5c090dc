package org.portreservation.windows;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;

import com.sun.jna.platform.win32.WinDef.UINT_PTR;

import org.portreservation.PortBlock;
import org.portreservation.PortReservationException;
import org.portreservation.Protocol;
import org.portreservation.UnsupportedPlatformException;
import org.portreservation.windows.jna.Mstcpip.INET_PORT_RESERVATION_INSTANCE;

/**
 * A runtime reservation: Windows keeps it as long as the socket it was acquired on, which
 * this class owns. A JDK channel serves as that socket, so the JDK creates it
 * non-inheritable and closes it, and no child process can keep the reservation alive.
 */
final class RuntimeReservation extends KernelReservation {

	private final NetworkChannel owner;

	private final UINT_PTR ownerSocket;

	private final long token;

	private RuntimeReservation(PortBlock block, NetworkChannel owner, UINT_PTR ownerSocket, long token) {
		super(block, false);
		this.owner = owner;
		this.ownerSocket = ownerSocket;
		this.token = token;
	}

	/**
	 * Acquires the block on a new socket of the block's protocol, or leaves nothing
	 * behind.
	 * @throws PortReservationException if Windows refuses
	 */
	static RuntimeReservation acquire(PortBlock requested) {
		NetworkChannel owner = open(requested.protocol());
		try {
			UINT_PTR socket = SocketHandles.of(owner);
			INET_PORT_RESERVATION_INSTANCE instance = PortReservationIoctls.acquire(socket, requested);
			PortBlock reserved = PortBlock.of(requested.protocol(), instance.Reservation.startPort(),
					instance.Reservation.numberOfPorts());
			RuntimeReservation reservation = new RuntimeReservation(reserved, owner, socket, instance.Token.Token);
			if (reserved.numberOfPorts() != requested.numberOfPorts()
					|| (!requested.isAnyFree() && reserved.startPort() != requested.startPort())) {
				reservation.close();
				throw new PortReservationException("Windows reserved the " + reserved + " when asked for the "
						+ requested + "; released it again: report this with the Windows version");
			}
			return reservation;
		}
		catch (RuntimeException | Error ex) {
			closeQuietly(owner);
			throw ex;
		}
	}

	@Override
	public long token() {
		return this.token;
	}

	@Override
	protected void unguard(int port) {
		throw new UnsupportedPlatformException("Windows lets only the process that acquired a runtime reservation "
				+ "bind from it, so port " + port + " of the " + this + " cannot be handed off to another process: "
				+ "reserve the block with createPersistent (an elevated administrator) instead, and let the other "
				+ "process associate its socket with the token of "
				+ PersistentPortReservations.function("Lookup", protocol()) + " before it binds");
	}

	@Override
	protected void release() {
		// Windows ends the reservation when its socket closes as well, so a failed
		// release loses nothing.
		PortReservationIoctls.release(this.ownerSocket, this.token);
		closeQuietly(this.owner);
	}

	private static NetworkChannel open(Protocol protocol) {
		try {
			return (protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
		}
		catch (IOException ex) {
			throw new PortReservationException(
					"Could not open the " + protocol.label() + " socket that holds a " + "runtime reservation: " + ex,
					ex);
		}
	}

	private static void closeQuietly(NetworkChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// The JDK releases the socket even when closing reports an error.
		}
	}

}
