package org.portreservation.test.forks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;

import org.portreservation.PortReservation;
import org.portreservation.Protocol;
import org.portreservation.test.ReservedBlocks;

/**
 * What every class of the forks execution does: binds every port of its blocks, from the
 * block or, for handed-off blocks, the plain way, holds them a while, and records when it
 * held which block. {@code @BeforeAll} and {@code @AfterAll} methods run after the blocks
 * are reserved and before they are released, so the recorded time lies within the hold.
 */
@Tag("forks")
abstract class ForkedTestSupport {

	private static long heldSince;

	@BeforeAll
	static void noteTheStartOfTheHold() {
		heldSince = System.currentTimeMillis();
	}

	@AfterAll
	static void recordTheHold(TestInfo test) {
		long heldUntil = System.currentTimeMillis();
		ReservedBlocks blocks = ReservedBlocks.of(test.getTestClass().orElseThrow());
		List<HeldBlock> held = new ArrayList<>();
		for (String name : blocks.names()) {
			PortReservation block = blocks.reservation(name);
			held.add(new HeldBlock(ProcessHandle.current().pid(), block.protocol(), block.startPort(), block.endPort(),
					heldSince, heldUntil));
		}
		HeldBlocks.append(held);
	}

	@RepeatedTest(3)
	void everyPortOfTheBlocksIsOursToBind(TestInfo test) throws Exception {
		ReservedBlocks blocks = ReservedBlocks.of(test.getTestClass().orElseThrow());
		List<NetworkChannel> bound = new ArrayList<>();
		try {
			for (String name : blocks.names()) {
				PortReservation block = blocks.reservation(name);
				for (int port = block.startPort(); port <= block.endPort(); port++) {
					bound.add(blocks.isHandedOff(name) ? bindThePlainWay(block.protocol(), port)
							: bindFromTheBlock(block, port));
				}
			}
			Thread.sleep(ThreadLocalRandom.current().nextInt(100, 400));
		}
		finally {
			for (NetworkChannel channel : bound) {
				channel.close();
			}
		}
	}

	private static NetworkChannel bindFromTheBlock(PortReservation block, int port) {
		return (block.protocol() == Protocol.TCP) ? block.openServerSocketChannel(port)
				: block.openDatagramChannel(port);
	}

	private static NetworkChannel bindThePlainWay(Protocol protocol, int port) throws IOException {
		NetworkChannel channel = (protocol == Protocol.TCP) ? ServerSocketChannel.open() : DatagramChannel.open();
		try {
			return channel.bind(new InetSocketAddress(port));
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

}
