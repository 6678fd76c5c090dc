package org.portreservation.unix;

import java.io.IOException;
import java.util.Optional;

import org.portreservation.AbstractPortReservation;
import org.portreservation.BlockExhaustedException;
import org.portreservation.PortBlock;
import org.portreservation.PortReservationException;
import org.portreservation.PortsInUseException;

/**
 * A handle on a block of {@code net.ipv4.ip_local_reserved_ports}: the kernel keeps
 * bind(0) and connect() away from it, but explicit binds still work, so binding from it
 * means an explicit bind to a port of the block. It holds no socket of its own, and
 * closing it keeps the persistent reservation.
 */
final class ReservedPortsBlock extends AbstractPortReservation {

	private final long token;

	ReservedPortsBlock(PortBlock block, long token) {
		super(block, true);
		this.token = token;
	}

	@Override
	public long token() {
		return this.token;
	}

	@Override
	protected int bindFromBlock(BindRequest request) throws IOException {
		return request.bindToFirstFreeCandidate();
	}

	@Override
	protected PortReservationException bindFailure(BindRequest request, IOException failure) {
		if (request.port() == 0) {
			return new BlockExhaustedException("Every free port of the " + this + " is bound by another socket ("
					+ failure.getMessage() + "): a persistent reservation on Linux keeps only bind(0) and connect() "
					+ "away, not explicit binds", failure);
		}
		Optional<PortOwners.Owner> owner = PortOwners.ofPort(protocol(), request.port());
		return new PortsInUseException(
				"Port " + request.port() + " of the " + this + " is in use by "
						+ owner.map(Object::toString).orElse("another socket") + ": " + failure.getMessage(),
				request.port(), owner.map(PortOwners.Owner::pid).orElse(-1L), failure);
	}

	@Override
	protected void unguard(int port) {
		// Nothing to drop: the kernel keeps only automatic binds away from the block.
	}

	@Override
	protected boolean guard(int port) {
		return true;
	}

	@Override
	protected void checkClaimsSupported() {
		// Nothing guards a port but the kernel, which lets any explicit bind through.
	}

	@Override
	protected void prepareClaim(int port) {
		// No guard to bind over.
	}

	@Override
	protected void release() {
		// The persistent reservation outlives this handle.
	}

}
