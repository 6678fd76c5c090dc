package org.portreservation.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

import org.springframework.test.util.TestSocketUtils;

/**
 * Acquiring and releasing a block of {@code ports}, wildcard and specific, against the
 * floor: as many raw sockets opened, bound to port 0 and closed. Each score is for the
 * whole block, so a ratio to the baseline of the same size is the overhead per port.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AcquireBenchmarks {

	@Param({ "1", "64", "1024", "10000" })
	private int ports;

	@Param({ "TCP", "UDP" })
	private Protocol protocol;

	private final PortReservations reservations = PortReservations.forCurrentPlatform();

	private int specificStart;

	@Setup
	public void findAFreeBlock() {
		try (PortReservation probe = this.reservations.acquire(this.protocol, 0, this.ports)) {
			this.specificStart = probe.startPort();
		}
	}

	@Benchmark
	public void wildcardAcquireAndRelease(Blackhole blackhole) {
		try (PortReservation block = this.reservations.acquire(this.protocol, 0, this.ports)) {
			blackhole.consume(block.startPort());
		}
	}

	@Benchmark
	public void specificAcquireAndRelease(Blackhole blackhole) {
		try (PortReservation block = this.reservations.acquire(this.protocol, this.specificStart, this.ports)) {
			blackhole.consume(block.startPort());
		}
	}

	/** The floor: a socket per port, bound to port 0 and closed, as a block has. */
	@Benchmark
	public void rawBindZeroAndClose(Blackhole blackhole) throws IOException {
		for (int i = 0; i < this.ports; i++) {
			try (NetworkChannel channel = (this.protocol == Protocol.TCP) ? SocketChannel.open()
					: DatagramChannel.open()) {
				channel.bind(new InetSocketAddress(0));
				blackhole.consume(channel);
			}
		}
	}

	/**
	 * The floor of holding: as many raw sockets bound to port 0, all open at once as a
	 * block's are, then closed. The kernel spends more per socket when it holds many.
	 */
	@Benchmark
	public void rawBindZeroHoldAllAndClose(Blackhole blackhole) throws IOException {
		NetworkChannel[] channels = new NetworkChannel[this.ports];
		try {
			for (int i = 0; i < this.ports; i++) {
				channels[i] = (this.protocol == Protocol.TCP) ? SocketChannel.open() : DatagramChannel.open();
				channels[i].bind(new InetSocketAddress(0));
			}
			blackhole.consume(channels);
		}
		finally {
			for (NetworkChannel channel : channels) {
				if (channel != null) {
					channel.close();
				}
			}
		}
	}

	/**
	 * The peer: Spring's probe per port, which guarantees nothing once it returns (TCP
	 * only).
	 */
	@Benchmark
	public void testSocketUtilsFindAvailableTcpPort(Blackhole blackhole) {
		for (int i = 0; i < this.ports; i++) {
			blackhole.consume(TestSocketUtils.findAvailableTcpPort());
		}
	}

}
