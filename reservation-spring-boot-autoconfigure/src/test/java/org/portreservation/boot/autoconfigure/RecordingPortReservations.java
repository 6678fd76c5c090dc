package org.portreservation.boot.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.portreservation.BackendInfo;
import org.portreservation.PortBlock;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;

/**
 * A backend that records what it is asked and serves every block, persistent ones
 * included, as a runtime block of this machine's backend, so tests see the calls without
 * changing the machine's persistent reservations.
 */
public class RecordingPortReservations implements PortReservations {

	private final PortReservations platform = PortReservations.forCurrentPlatform();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@Override
	public PortReservation acquire(PortBlock block) {
		this.calls.add("acquire " + describe(block));
		return this.platform.acquire(block);
	}

	@Override
	public PortReservation createPersistent(PortBlock block) {
		this.calls.add("createPersistent " + describe(block));
		return this.platform.acquire(block);
	}

	@Override
	public void deletePersistent(PortBlock block) {
		this.calls.add("deletePersistent " + describe(block));
	}

	@Override
	public Optional<PortReservation> lookupPersistent(PortBlock block) {
		this.calls.add("lookupPersistent " + describe(block));
		return Optional.empty();
	}

	@Override
	public BackendInfo backend() {
		return BackendInfo.withoutPersistent("recording", "a test backend");
	}

	private static String describe(PortBlock block) {
		return block.protocol().label() + " " + block.startPort() + " " + block.numberOfPorts();
	}

	public List<String> calls() {
		return this.calls;
	}

}
