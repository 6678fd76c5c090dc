package org.portreservation;

import java.util.Optional;

/**
 * The port reservation backend of this machine: acquires runtime blocks and manages
 * persistent ones.
 * <p>
 * Runtime blocks ({@link #acquire}) belong to this process and are dropped by the
 * operating system when it exits, however it exits. Persistent blocks outlive the process
 * and need administrator rights to create or delete.
 *
 * @since 0.1.0
 */
public interface PortReservations {

	/**
	 * The backend for the operating system this JVM runs on: the kernel's port
	 * reservations on Windows, held sockets and {@code ip_local_reserved_ports} on Linux
	 * and other Unix systems.
	 * @return the shared backend of this JVM
	 * @throws UnsupportedPlatformException on an operating system without a backend
	 */
	static PortReservations forCurrentPlatform() {
		return Platforms.current();
	}

	/**
	 * Acquires a runtime reservation: all of the block or nothing.
	 * @param protocol the protocol whose ports to reserve
	 * @param startPort the first port, or {@code 0} for any free block
	 * @param numberOfPorts how many contiguous ports, at least 1
	 * @return the reservation, to be closed when no longer needed
	 * @throws InvalidReservationArgumentException if an argument is out of range
	 * @throws PortsInUseException if a port of an explicit block is taken
	 * @throws NoFreeBlockException if no free block of that size exists for a wildcard
	 * request
	 * @throws ReservationAccessDeniedException if the process lacks a needed privilege
	 */
	PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Creates a persistent reservation of exactly
	 * {@code [startPort, startPort + numberOfPorts)}.
	 * @param protocol the protocol whose ports to reserve
	 * @param startPort the first port, 1 to 65535 (no wildcard)
	 * @param numberOfPorts how many contiguous ports, at least 1
	 * @return a handle for binding from the block; closing it keeps the persistent
	 * reservation
	 * @throws InvalidReservationArgumentException if an argument is out of range or
	 * {@code startPort} is 0
	 * @throws PortsInUseException if the block overlaps a port in use or another
	 * persistent reservation
	 * @throws ReservationAccessDeniedException without administrator rights
	 */
	PortReservation createPersistent(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Deletes the persistent reservation of exactly
	 * {@code [startPort, startPort + numberOfPorts)}.
	 * @param protocol the protocol of the reservation
	 * @param startPort its first port, 1 to 65535
	 * @param numberOfPorts its number of ports
	 * @throws InvalidReservationArgumentException if an argument is out of range or
	 * {@code startPort} is 0
	 * @throws ReservationNotFoundException if there is no such persistent reservation
	 * @throws ReservationAccessDeniedException without administrator rights
	 */
	void deletePersistent(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Looks up the persistent reservation of exactly
	 * {@code [startPort, startPort + numberOfPorts)}.
	 * @param protocol the protocol of the reservation
	 * @param startPort its first port, 1 to 65535
	 * @param numberOfPorts its number of ports
	 * @return a handle for binding from the block, or empty if no such persistent
	 * reservation exists
	 * @throws InvalidReservationArgumentException if an argument is out of range or
	 * {@code startPort} is 0
	 */
	Optional<PortReservation> lookupPersistent(Protocol protocol, int startPort, int numberOfPorts);

	/**
	 * Tells which backend this is and what it can do here.
	 * @return the description
	 */
	BackendInfo backend();

}
