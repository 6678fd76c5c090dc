package org.portreservation.boot.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.portreservation.BackendInfo;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * A backend that records what it is asked and serves every block, persistent ones
 * included, as a runtime block of this machine's backend, so tests see the calls without
 * changing the machine's persistent reservations.
 */
public class RecordingPortReservations implements PortReservations {

	private final PortReservations platform = PortReservations.forCurrentPlatform();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@Override
	public PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts) {
		this.calls.add("acquire " + protocol.label() + " " + startPort + " " + numberOfPorts);
		return this.platform.acquire(protocol, startPort, numberOfPorts);
	}

	@Override
	public PortReservation createPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		this.calls.add("createPersistent " + protocol.label() + " " + startPort + " " + numberOfPorts);
		return this.platform.acquire(protocol, startPort, numberOfPorts);
	}

	@Override
	public void deletePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		this.calls.add("deletePersistent " + protocol.label() + " " + startPort + " " + numberOfPorts);
	}

	@Override
	public Optional<PortReservation> lookupPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		this.calls.add("lookupPersistent " + protocol.label() + " " + startPort + " " + numberOfPorts);
		return Optional.empty();
	}

	@Override
	public BackendInfo backend() {
		return BackendInfo.withoutPersistent("recording", "a test backend");
	}

	public List<String> calls() {
		return this.calls;
	}

}
