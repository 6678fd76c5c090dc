package org.portreservation.windows;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.portreservation.PortReservationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the socket handle behind a JDK channel, and the message when the JVM lacks the
 * export it needs.
 */
class SocketHandlesTests {

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsTheDescriptorOfTheChannel() throws IOException {
		try (SocketChannel channel = SocketChannel.open()) {
			UINT_PTR handle = SocketHandles.of(channel);
			assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + handle.longValue())).toString())
				.startsWith("socket:");
		}
	}

	@Test
	void refusesAChannelThatIsNotTheJdksOwn() {
		assertThatExceptionOfType(PortReservationException.class)
			.isThrownBy(() -> SocketHandles.of(new ForeignChannel()))
			.withMessageContaining(ForeignChannel.class.getName())
			.withMessageContaining("ServerSocketChannel.open()");
	}

	@Test
	void namesTheJvmOptionItNeeds() {
		assertThat(SocketHandles.requiredJvmOption()).isEqualTo("--add-exports java.base/sun.nio.ch=ALL-UNNAMED");
	}

	@Test
	void failsWithTheExactJvmOptionWhenTheJvmLacksIt() throws Exception {
		String classPath = String.join(System.getProperty("path.separator"), Path.of("target/classes").toString(),
				Path.of("target/test-classes").toString(), jarOf(Native.class), jarOf(UINT_PTR.class));
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classPath, WithoutExport.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(jvm.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(output).contains("start the JVM with --add-exports java.base/sun.nio.ch=ALL-UNNAMED")
			.contains("'Add-Exports: java.base/sun.nio.ch'");
	}

	private static String jarOf(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

	/** Run in a JVM without the export: prints what the backend would throw. */
	static final class WithoutExport {

		public static void main(String[] args) throws IOException {
			try (SocketChannel channel = SocketChannel.open()) {
				SocketHandles.of(channel);
				System.out.println("read the handle without the export");
			}
			catch (PortReservationException ex) {
				System.out.println(ex.getMessage());
			}
		}

	}

	private static final class ForeignChannel implements NetworkChannel {

		@Override
		public NetworkChannel bind(SocketAddress local) {
			return this;
		}

		@Override
		public <T> NetworkChannel setOption(SocketOption<T> name, T value) {
			return this;
		}

		@Override
		public <T> T getOption(SocketOption<T> name) {
			return null;
		}

		@Override
		public Set<SocketOption<?>> supportedOptions() {
			return Set.of();
		}

		@Override
		public SocketAddress getLocalAddress() {
			return null;
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public void close() {
		}

	}

}
