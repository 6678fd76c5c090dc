package org.portreservation.windows;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.UINT_PTR;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinDef.BOOLByReference;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.OSVERSIONINFO;
import com.sun.jna.platform.win32.WinNT.PSID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import org.portreservation.windows.jna.Winsock2;
import org.portreservation.windows.jna.Mstcpip;
import org.portreservation.windows.jna.IPHlpAPI;
import org.portreservation.windows.jna.Advapi32;

/**
 * Compares the Java bindings with the Windows headers as mingw-w64 ships them: a probe
 * compiled by the cross compiler (src/test/native/probe) carries the header's IOCTL
 * codes, error codes, sizes and offsets in its object file, and pins the C prototypes the
 * bindings declare. Skipped, saying why, where the cross compiler is missing, and on
 * Windows.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "The probe checks the bindings against mingw-w64's headers as "
		+ "Linux packages them; a MinGW on a Windows runner may ship headers older than the port reservation types, "
		+ "and there the Windows tests check the bindings against the kernel itself")
class WindowsAbiTests {

	private static final String COMPILER = "x86_64-w64-mingw32-gcc";

	private static final Path PROBE_SOURCE = Path.of("src/test/native/probe/windows_abi_probe.c");

	private static final Path PROBE_OBJECT = Path.of("target/windows-abi-probe/windows_abi_probe.o");

	private static Map<String, Long> header;

	private static String missingCompiler;

	/**
	 * Compiles the probe once; every test, not the class, is skipped without the
	 * compiler, so each says why.
	 */
	private static synchronized Map<String, Long> header() throws IOException, InterruptedException {
		if (header == null && missingCompiler == null) {
			Files.createDirectories(PROBE_OBJECT.getParent());
			Process compiler;
			try {
				compiler = new ProcessBuilder(COMPILER, "-c", "-o", PROBE_OBJECT.toString(), PROBE_SOURCE.toString())
					.redirectErrorStream(true)
					.start();
			}
			catch (IOException ex) {
				missingCompiler = COMPILER + " is not installed, so the bindings are not compared with the Windows "
						+ "headers; install it with 'apt-get install gcc-mingw-w64-x86-64' (" + ex.getMessage() + ")";
				return abort(missingCompiler);
			}
			String output = new String(compiler.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(compiler.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(compiler.exitValue()).as("the probe must compile against the headers:%n%s", output).isZero();
			header = readProbe(Files.readAllBytes(PROBE_OBJECT));
		}
		if (missingCompiler != null) {
			abort(missingCompiler);
		}
		return header;
	}

	@Test
	void ioctlCodesAndConstantsAreTheHeaders() throws Exception {
		assertThat(Mstcpip.SIO_ACQUIRE_PORT_RESERVATION).isEqualTo(intOf("SIO_ACQUIRE_PORT_RESERVATION"));
		assertThat(Mstcpip.SIO_RELEASE_PORT_RESERVATION).isEqualTo(intOf("SIO_RELEASE_PORT_RESERVATION"));
		assertThat(Mstcpip.SIO_ASSOCIATE_PORT_RESERVATION).isEqualTo(intOf("SIO_ASSOCIATE_PORT_RESERVATION"));
		assertThat(Mstcpip.INVALID_PORT_RESERVATION_TOKEN).isEqualTo(header().get("INVALID_PORT_RESERVATION_TOKEN"));
		assertThat(Winsock2.SOCKET_ERROR).isEqualTo(intOf("SOCKET_ERROR"));
		assertThat(Winsock2.WSA_OPERATION_ABORTED).isEqualTo(intOf("WSA_OPERATION_ABORTED"));
		assertThat(Winsock2.WSA_IO_PENDING).isEqualTo(intOf("WSA_IO_PENDING"));
	}

	@Test
	void errorCodesTheBackendMapsAreTheHeaders() throws Exception {
		Map<String, Integer> used = Map.ofEntries(Map.entry("NO_ERROR", WinError.NO_ERROR),
				Map.entry("ERROR_ACCESS_DENIED", WinError.ERROR_ACCESS_DENIED),
				Map.entry("ERROR_SHARING_VIOLATION", WinError.ERROR_SHARING_VIOLATION),
				Map.entry("ERROR_INVALID_PARAMETER", WinError.ERROR_INVALID_PARAMETER),
				Map.entry("ERROR_NOT_FOUND", WinError.ERROR_NOT_FOUND), Map.entry("WSAEINTR", WinError.WSAEINTR),
				Map.entry("WSAEACCES", WinError.WSAEACCES), Map.entry("WSAEFAULT", WinError.WSAEFAULT),
				Map.entry("WSAEINVAL", WinError.WSAEINVAL), Map.entry("WSAEINPROGRESS", WinError.WSAEINPROGRESS),
				Map.entry("WSAENOTSOCK", WinError.WSAENOTSOCK), Map.entry("WSAEOPNOTSUPP", WinError.WSAEOPNOTSUPP),
				Map.entry("WSAEADDRINUSE", WinError.WSAEADDRINUSE),
				Map.entry("WSAEADDRNOTAVAIL", WinError.WSAEADDRNOTAVAIL),
				Map.entry("WSAENETDOWN", WinError.WSAENETDOWN), Map.entry("WSAENOBUFS", WinError.WSAENOBUFS),
				Map.entry("FORMAT_MESSAGE_ALLOCATE_BUFFER", WinBase.FORMAT_MESSAGE_ALLOCATE_BUFFER),
				Map.entry("FORMAT_MESSAGE_FROM_SYSTEM", WinBase.FORMAT_MESSAGE_FROM_SYSTEM),
				Map.entry("FORMAT_MESSAGE_IGNORE_INSERTS", WinBase.FORMAT_MESSAGE_IGNORE_INSERTS),
				Map.entry("TOKEN_QUERY", WinNT.TOKEN_QUERY),
				Map.entry("TokenElevation", WinNT.TOKEN_INFORMATION_CLASS.TokenElevation),
				Map.entry("WinBuiltinAdministratorsSid", WinNT.WELL_KNOWN_SID_TYPE.WinBuiltinAdministratorsSid),
				Map.entry("SECURITY_MAX_SID_SIZE", WinNT.SECURITY_MAX_SID_SIZE),
				Map.entry("sizeof(TOKEN_ELEVATION)", new WinNT.TOKEN_ELEVATION().size()));
		for (Map.Entry<String, Integer> constant : used.entrySet()) {
			assertThat(constant.getValue()).as(constant.getKey()).isEqualTo(intOf(constant.getKey()));
		}
	}

	@Test
	void structuresHaveTheHeadersSizesAndOffsets() throws Exception {
		assertThat(new Mstcpip.INET_PORT_RANGE().size()).isEqualTo(intOf("sizeof(INET_PORT_RANGE)"))
			.isEqualTo(intOf("sizeof(INET_PORT_RESERVATION)"));
		assertThat(new Range().offsetOf("StartPort")).isEqualTo(intOf("offsetof(INET_PORT_RANGE, StartPort)"));
		assertThat(new Range().offsetOf("NumberOfPorts")).isEqualTo(intOf("offsetof(INET_PORT_RANGE, NumberOfPorts)"));
		assertThat(new Token().size()).isEqualTo(intOf("sizeof(INET_PORT_RESERVATION_TOKEN)"));
		assertThat(new Token().offsetOf("Token")).isEqualTo(intOf("offsetof(INET_PORT_RESERVATION_TOKEN, Token)"));
		Instance instance = new Instance();
		assertThat(instance.size()).isEqualTo(intOf("sizeof(INET_PORT_RESERVATION_INSTANCE)"));
		assertThat(instance.offsetOf("Reservation") + new Range().offsetOf("StartPort"))
			.isEqualTo(intOf("offsetof(INET_PORT_RESERVATION_INSTANCE, StartPort)"));
		assertThat(instance.offsetOf("Token") + new Token().offsetOf("Token"))
			.isEqualTo(intOf("offsetof(INET_PORT_RESERVATION_INSTANCE, Token)"));
	}

	@Test
	void versionStructureHasTheHeadersLayout() throws Exception {
		VersionInfo info = new VersionInfo();
		assertThat(info.offsetOf("dwOSVersionInfoSize"))
			.isEqualTo(intOf("offsetof(RTL_OSVERSIONINFOW, dwOSVersionInfoSize)"));
		assertThat(info.offsetOf("dwBuildNumber")).isEqualTo(intOf("offsetof(RTL_OSVERSIONINFOW, dwBuildNumber)"));
		assertThat(info.offsetOf("szCSDVersion")).isEqualTo(intOf("offsetof(RTL_OSVERSIONINFOW, szCSDVersion)"));
		assertThat(info.offsetOf("szCSDVersion") + info.szCSDVersion.length * intOf("sizeof(WCHAR)"))
			.as("the size with Windows' 2-byte WCHAR, which JNA uses for a Java char there")
			.isEqualTo(intOf("sizeof(RTL_OSVERSIONINFOW)"));
	}

	@Test
	void functionsTakeArgumentsOfTheHeadersSizes() throws Exception {
		assertThat(Native.POINTER_SIZE).as("UINT_PTR, the Java SOCKET").isEqualTo(intOf("sizeof(SOCKET)"));
		assertThat(Integer.BYTES).as("int, the Java DWORD, ULONG and BOOL")
			.isEqualTo(intOf("sizeof(DWORD)"))
			.isEqualTo(intOf("sizeof(ULONG)"))
			.isEqualTo(intOf("sizeof(BOOL)"));
		assertThat(Short.BYTES).as("short, the Java USHORT").isEqualTo(intOf("sizeof(USHORT)"));
		assertThat(Long.BYTES).as("long, the Java ULONG64").isEqualTo(intOf("sizeof(ULONG64)"));
		assertThat(Winsock2.class
			.getMethod("WSAIoctl", UINT_PTR.class, int.class, Structure.class, int.class, Structure.class, int.class,
					IntByReference.class, Pointer.class, Pointer.class)
			.getReturnType()).isEqualTo(int.class);
		for (String protocol : List.of("Tcp", "Udp")) {
			for (String function : List.of("Create", "Lookup")) {
				Method method = IPHlpAPI.class.getMethod(function + "Persistent" + protocol + "PortReservation",
						short.class, short.class, LongByReference.class);
				assertThat(method.getReturnType()).isEqualTo(int.class);
			}
			assertThat(IPHlpAPI.class
				.getMethod("DeletePersistent" + protocol + "PortReservation", short.class, short.class)
				.getReturnType()).isEqualTo(int.class);
		}
		assertThat(Advapi32.class.getMethod("CheckTokenMembership", HANDLE.class, PSID.class, BOOLByReference.class)
			.getReturnType()).isEqualTo(boolean.class);
	}

	private static int intOf(String name) throws IOException, InterruptedException {
		assertThat(header()).as("the probe's values").containsKey(name);
		return (int) (long) header().get(name);
	}

	/**
	 * Reads the entries of section .probe from a COFF object: 56 bytes of name, then a
	 * 64-bit value.
	 */
	private static Map<String, Long> readProbe(byte[] object) {
		ByteBuffer coff = ByteBuffer.wrap(object).order(ByteOrder.LITTLE_ENDIAN);
		int sections = Short.toUnsignedInt(coff.getShort(2));
		int sectionTable = 20 + Short.toUnsignedInt(coff.getShort(16));
		for (int i = 0; i < sections; i++) {
			int section = sectionTable + i * 40;
			String name = new String(object, section, 8, StandardCharsets.US_ASCII).replace("\0", "");
			if (name.equals(".probe")) {
				int size = coff.getInt(section + 16);
				int data = coff.getInt(section + 20);
				Map<String, Long> values = new HashMap<>();
				for (int entry = data; entry < data + size; entry += 64) {
					String key = new String(object, entry, 56, StandardCharsets.US_ASCII).replaceAll("\0.*", "");
					values.put(key, coff.getLong(entry + 56));
				}
				return values;
			}
		}
		throw new IllegalStateException("The probe has no section .probe");
	}

	/** JNA's own offsets, which Structure keeps protected. */
	static class Range extends Mstcpip.INET_PORT_RANGE {

		int offsetOf(String field) {
			return fieldOffset(field);
		}

	}

	static class VersionInfo extends OSVERSIONINFO {

		int offsetOf(String field) {
			return fieldOffset(field);
		}

	}

	static class Token extends Mstcpip.INET_PORT_RESERVATION_TOKEN {

		int offsetOf(String field) {
			return fieldOffset(field);
		}

	}

	static class Instance extends Mstcpip.INET_PORT_RESERVATION_INSTANCE {

		int offsetOf(String field) {
			return fieldOffset(field);
		}

	}

}
