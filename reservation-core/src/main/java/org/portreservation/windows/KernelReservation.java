package org.portreservation.windows;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;

import org.jspecify.annotations.Nullable;

import org.portreservation.AbstractPortReservation;
import org.portreservation.BlockExhaustedException;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;
import org.portreservation.UnsupportedPlatformException;
import org.portreservation.PortBlock;

/**
 * A block Windows reserves, runtime or persistent: binding from it associates the
 * caller's channel with the reservation's token, then binds it.
 * <p>
 * Windows documents that bind(0) on an associated socket takes a free port of the
 * reservation, but not which error it gives when none is free, nor whether the port of a
 * closed socket goes back to the reservation. So bind(0) is used only while no port is
 * leased (the kernel does not know a leased port is taken), and when it fails with an
 * error that says no port was free (WSAEADDRINUSE or WSAENOBUFS) while this process's
 * bookkeeping still has free ports, each of them is bound by number instead, which public
 * code shows to work on an associated socket. Any other error is reported as it is.
 * Either answer to the unknowns ends in a bound port of the block or a clear failure.
 * <p>
 * Association happens before the bind and Windows documents no way to undo it, so a bind
 * that fails after it leaves the caller's channel unbound but associated with this
 * reservation; the exception says so, and the channel should be closed.
 */
abstract class KernelReservation extends AbstractPortReservation {

	/**
	 * How the JDK's message for WSAENOBUFS starts on Windows ("No buffer space available
	 * (maximum connections reached?): bind"), and for ENOBUFS elsewhere.
	 */
	private static final String NO_BUFFER_SPACE = "No buffer space available";

	KernelReservation(PortBlock block, boolean persistent) {
		super(block, persistent);
	}

	@Override
	protected final int bindFromBlock(BindRequest request) throws IOException {
		PortReservationIoctls.associate(SocketHandles.of(request.channel()), token(), this, persistent());
		if (request.port() != 0) {
			request.bindTo(request.port());
			return request.port();
		}
		@Nullable SocketException kernelChoiceFailure = null;
		if (request.leasedPorts().isEmpty()) {
			try {
				request.bindTo(0);
				return checkKernelChoice(request);
			}
			catch (SocketException ex) {
				if (!isNoFreePort(ex)) {
					throw ex;
				}
				kernelChoiceFailure = ex;
			}
		}
		return bindFirstFreeCandidate(request, kernelChoiceFailure);
	}

	@Override
	protected PortReservationException bindFailure(BindRequest request, IOException failure) {
		if (request.port() == 0 && failure instanceof SocketException socketFailure && isNoFreePort(socketFailure)) {
			return new BlockExhaustedException("Windows bound no free port of the " + this + " (" + failure.getMessage()
					+ "): the ports this process does not use may still be held by closed connections in TIME_WAIT; "
					+ "try again later with a new channel, or reserve a larger block" + stillAssociated(), failure);
		}
		if (request.port() != 0 && failure instanceof BindException) {
			return new PortsInUseException("Port " + request.port() + " of the " + this + " is taken ("
					+ failure.getMessage() + "): by a socket of this process bound without this library, or by a "
					+ "closed connection in TIME_WAIT; try again later with a new channel, or ask for port 0 to get "
					+ "any free port of the block" + stillAssociated(), request.port(), ProcessHandle.current().pid(),
					failure);
		}
		String target = (request.port() != 0) ? "port " + request.port() + " of the " + this : "a port of the " + this;
		return new PortReservationException(
				"Could not bind " + target + ": " + failure.getMessage() + stillAssociated(), failure);
	}

	@Override
	protected boolean guard(int port) {
		// The kernel's reservation guards every port that is not bound; nothing to take
		// back.
		return true;
	}

	@Override
	protected final void checkClaimsSupported() {
		throw new UnsupportedPlatformException("Windows binds a port of the " + this + " only for a socket associated "
				+ "with its token, which bind(channel, ...) does; a socket that binds itself cannot claim one: bind a "
				+ "JDK channel from the reservation instead (with Netty, its NIO transport)");
	}

	@Override
	protected final void prepareClaim(int port) {
		// Never reached: checkClaimsSupported refuses every claim.
	}

	/**
	 * Whether a failed bind means that no port was free: Windows does not say which error
	 * bind(0) gives when the reservation has none, and the JDK reports WSAEADDRINUSE as a
	 * {@link BindException} but WSAENOBUFS, Winsock's answer when no port is left, as a
	 * plain {@link SocketException} told apart only by its text.
	 */
	private static boolean isNoFreePort(SocketException failure) {
		return failure instanceof BindException || (failure.getClass() == SocketException.class
				&& failure.getMessage() != null && failure.getMessage().startsWith(NO_BUFFER_SPACE));
	}

	/**
	 * What a failed bind leaves: Windows offers no way to undo
	 * {@code SIO_ASSOCIATE_PORT_RESERVATION}, so the caller's channel, though unbound,
	 * binds only from this reservation from then on.
	 */
	private String stillAssociated() {
		return "; the channel stays associated with the " + this + ", which Windows gives no way to undo, so close "
				+ "it rather than bind it elsewhere";
	}

	private int bindFirstFreeCandidate(BindRequest request, @Nullable SocketException kernelChoiceFailure)
			throws IOException {
		try {
			return request.bindToFirstFreeCandidate();
		}
		catch (BindException ex) {
			if (kernelChoiceFailure == null) {
				throw ex;
			}
			kernelChoiceFailure.addSuppressed(ex);
			throw kernelChoiceFailure;
		}
	}

	private int checkKernelChoice(BindRequest request) throws IOException {
		int port = ((InetSocketAddress) request.channel().getLocalAddress()).getPort();
		if (!contains(port)) {
			throw new PortReservationException("Windows bound the channel to port " + port + ", outside the " + this
					+ ": the association with the reservation did not take effect; close the channel, and report "
					+ "this with the Windows version");
		}
		return port;
	}

}
