package org.portreservation.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import org.portreservation.windows.WindowsPortReservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.portreservation.test.Declared.block;
import static org.portreservation.test.Declared.declaration;

/**
 * What {@code handOff} does with the real Windows backend, run against the stand-in
 * Windows libraries (which keep every socket that is not associated with a reservation
 * out of its ports, as Windows does): a runtime reservation cannot be handed to another
 * socket, so the block is released, with a warning, and the server binds its ports.
 */
@Tag("windows-stand-in")
class WindowsHandOffStandInTests {

	private final List<LogRecord> warnings = new ArrayList<>();

	@Test
	void aHandOffBlockIsReleasedWithAWarningSoThatAServerCanBindItsPorts() throws IOException {
		Logger logger = Logger.getLogger(HandOff.class.getName());
		Handler recorder = new Recorder();
		logger.addHandler(recorder);
		ReservedBlocks blocks = declaration(block("stub", Protocol.TCP, 0, 2, true),
				block("web", Protocol.TCP, 0, 1, false))
			.reserve(new WindowsPortReservations());
		try {
			PortReservation stub = blocks.reservation("stub");
			PortReservation web = blocks.reservation("web");
			assertThat(stub.isOpen()).isFalse();
			assertThat(web.isOpen()).isTrue();
			assertThat(this.warnings).singleElement()
				.satisfies((warning) -> assertThat(warning.getMessage())
					.startsWith("Released the block 'stub' (" + stub.block() + ") declared with handOff = true: ")
					.endsWith("Its ports are no longer kept from anyone: like a probe for a free port, nothing "
							+ "guarantees that they are still free when the server binds them."));
			int[] ephemeral = EphemeralPorts.range();
			assertThat(stub.endPort() < ephemeral[0] || stub.startPort() > ephemeral[1]).isTrue();
			try (ServerSocketChannel server = ServerSocketChannel.open()) {
				server.bind(new InetSocketAddress(stub.startPort()));
			}
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				try (ServerSocketChannel server = ServerSocketChannel.open()) {
					server.bind(new InetSocketAddress(web.startPort()));
				}
			});
		}
		finally {
			blocks.release();
			logger.removeHandler(recorder);
		}
	}

	private final class Recorder extends Handler {

		@Override
		public void publish(LogRecord record) {
			WindowsHandOffStandInTests.this.warnings.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
