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
	 * @param block the block, or a request for any free block of a size
	 * @return the reservation, to be closed when no longer needed
	 * @throws InvalidReservationArgumentException if {@code block} is null
	 * @throws PortsInUseException if a port of an explicit block is taken
	 * @throws NoFreeBlockException if no free block of that size exists for a request for
	 * any free block
	 * @throws ReservationAccessDeniedException if the process lacks a needed privilege
	 */
	PortReservation acquire(PortBlock block);

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
	 * @see #acquire(PortBlock)
	 */
	default PortReservation acquire(Protocol protocol, int startPort, int numberOfPorts) {
		return acquire(PortBlock.of(protocol, startPort, numberOfPorts));
	}

	/**
	 * Creates a persistent reservation of exactly the block.
	 * @param block the block; it names its ports (no request for any free block)
	 * @return a handle for binding from the block; closing it keeps the persistent
	 * reservation
	 * @throws InvalidReservationArgumentException if {@code block} is null or asks for
	 * any free block
	 * @throws PortsInUseException if the block overlaps a port in use or another
	 * persistent reservation
	 * @throws ReservationAccessDeniedException without administrator rights
	 */
	PortReservation createPersistent(PortBlock block);

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
	 * @see #createPersistent(PortBlock)
	 */
	default PortReservation createPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		return createPersistent(BlockArguments.persistentBlock(protocol, startPort, numberOfPorts));
	}

	/**
	 * Deletes the persistent reservation of exactly the block.
	 * @param block the block it was created with
	 * @throws InvalidReservationArgumentException if {@code block} is null or asks for
	 * any free block
	 * @throws ReservationNotFoundException if there is no such persistent reservation
	 * @throws ReservationAccessDeniedException without administrator rights
	 */
	void deletePersistent(PortBlock block);

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
	 * @see #deletePersistent(PortBlock)
	 */
	default void deletePersistent(Protocol protocol, int startPort, int numberOfPorts) {
		deletePersistent(BlockArguments.persistentBlock(protocol, startPort, numberOfPorts));
	}

	/**
	 * Looks up the persistent reservation of exactly the block.
	 * @param block the block it was created with
	 * @return a handle for binding from the block, or empty if no such persistent
	 * reservation exists
	 * @throws InvalidReservationArgumentException if {@code block} is null or asks for
	 * any free block
	 */
	Optional<PortReservation> lookupPersistent(PortBlock block);

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
	 * @see #lookupPersistent(PortBlock)
	 */
	default Optional<PortReservation> lookupPersistent(Protocol protocol, int startPort, int numberOfPorts) {
		return lookupPersistent(BlockArguments.persistentBlock(protocol, startPort, numberOfPorts));
	}

	/**
	 * Tells which backend this is and what it can do here.
	 * @return the description
	 */
	BackendInfo backend();

}
