package org.portreservation.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;

/**
 * Binding channels from a held block, leasing and handing off a port, and listing the
 * free ports of a large block, each against its plain counterpart in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BindBenchmarks {

	private static final int LARGE = 10_000;

	private PortReservation tcp;

	private PortReservation udp;

	private PortReservation large;

	@Setup
	public void acquire() {
		PortReservations reservations = PortReservations.forCurrentPlatform();
		this.tcp = reservations.acquire(Protocol.TCP, 0, 16);
		this.udp = reservations.acquire(Protocol.UDP, 0, 16);
		this.large = reservations.acquire(Protocol.TCP, 0, LARGE);
	}

	@TearDown
	public void release() {
		this.tcp.close();
		this.udp.close();
		this.large.close();
	}

	@Benchmark
	public Object serverFromBlock() throws IOException {
		try (ServerSocketChannel channel = this.tcp.openServerSocketChannel()) {
			return channel.getLocalAddress();
		}
	}

	@Benchmark
	public Object serverPlain() throws IOException {
		try (ServerSocketChannel channel = ServerSocketChannel.open()) {
			channel.bind(new InetSocketAddress(0));
			return channel.getLocalAddress();
		}
	}

	@Benchmark
	public Object clientFromBlock() throws IOException {
		try (SocketChannel channel = SocketChannel.open()) {
			return this.tcp.bind(channel, null);
		}
	}

	@Benchmark
	public Object clientPlain() throws IOException {
		try (SocketChannel channel = SocketChannel.open()) {
			channel.bind(new InetSocketAddress(0));
			return channel.getLocalAddress();
		}
	}

	@Benchmark
	public Object datagramFromBlock() throws IOException {
		try (DatagramChannel channel = this.udp.openDatagramChannel()) {
			return channel.getLocalAddress();
		}
	}

	@Benchmark
	public Object datagramPlain() throws IOException {
		try (DatagramChannel channel = DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(0));
			return channel.getLocalAddress();
		}
	}

	/** A lease handed off and returned: the guard dropped and taken back. */
	@Benchmark
	public int leaseHandOffAndReturn() {
		try (PortLease lease = this.tcp.lease()) {
			lease.handOff();
			return lease.port();
		}
	}

	@Benchmark
	public List<Integer> freePortsOfALargeBlock() {
		return this.large.freePorts();
	}

	/** The floor of freePorts: the list of a block's ports, built without any check. */
	@Benchmark
	public List<Integer> listOfALargeBlocksPorts() {
		return IntStream.range(this.large.startPort(), this.large.startPort() + LARGE).boxed().toList();
	}

}
