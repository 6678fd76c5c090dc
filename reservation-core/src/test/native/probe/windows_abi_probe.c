/*
 * Puts what mingw-w64's Windows headers say about port reservations into the section .probe of an object file, as
 * named 64-bit values, for WindowsAbiTests to compare with the Java bindings. Compiled, never run:
 * x86_64-w64-mingw32-gcc -c windows_abi_probe.c. A prototype that differs from the bindings fails the compilation.
 */
#define _WIN32_WINNT 0x0A00
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <iphlpapi.h>
#include <stddef.h>

struct probe_entry {
	char name[56];
	unsigned long long value;
};

#define VALUE(x) { #x, (unsigned long long) (x) }

__attribute__((section(".probe"), used))
const struct probe_entry windows_abi_probe[] = {
	VALUE(SIO_ACQUIRE_PORT_RESERVATION),
	VALUE(SIO_RELEASE_PORT_RESERVATION),
	VALUE(SIO_ASSOCIATE_PORT_RESERVATION),
	VALUE(INVALID_PORT_RESERVATION_TOKEN),
	VALUE(SOCKET_ERROR),
	VALUE(sizeof(INET_PORT_RANGE)),
	VALUE(offsetof(INET_PORT_RANGE, StartPort)),
	VALUE(offsetof(INET_PORT_RANGE, NumberOfPorts)),
	VALUE(sizeof(INET_PORT_RESERVATION)),
	VALUE(sizeof(INET_PORT_RESERVATION_TOKEN)),
	VALUE(offsetof(INET_PORT_RESERVATION_TOKEN, Token)),
	VALUE(sizeof(INET_PORT_RESERVATION_INSTANCE)),
	VALUE(offsetof(INET_PORT_RESERVATION_INSTANCE, StartPort)),
	VALUE(offsetof(INET_PORT_RESERVATION_INSTANCE, Token)),
	VALUE(sizeof(SOCKET)),
	VALUE(sizeof(DWORD)),
	VALUE(sizeof(USHORT)),
	VALUE(sizeof(ULONG)),
	VALUE(sizeof(ULONG64)),
	VALUE(sizeof(BOOL)),
	VALUE(NO_ERROR),
	VALUE(ERROR_ACCESS_DENIED),
	VALUE(ERROR_SHARING_VIOLATION),
	VALUE(ERROR_INVALID_PARAMETER),
	VALUE(ERROR_NOT_FOUND),
	VALUE(WSAEINTR),
	VALUE(WSAEACCES),
	VALUE(WSAEFAULT),
	VALUE(WSAEINVAL),
	VALUE(WSAEINPROGRESS),
	VALUE(WSAENOTSOCK),
	VALUE(WSAEOPNOTSUPP),
	VALUE(WSAEADDRINUSE),
	VALUE(WSAEADDRNOTAVAIL),
	VALUE(WSAENETDOWN),
	VALUE(WSAENOBUFS),
	VALUE(WSA_OPERATION_ABORTED),
	VALUE(WSA_IO_PENDING),
	VALUE(FORMAT_MESSAGE_ALLOCATE_BUFFER),
	VALUE(FORMAT_MESSAGE_FROM_SYSTEM),
	VALUE(FORMAT_MESSAGE_IGNORE_INSERTS),
	VALUE(sizeof(RTL_OSVERSIONINFOW)),
	VALUE(offsetof(RTL_OSVERSIONINFOW, dwOSVersionInfoSize)),
	VALUE(offsetof(RTL_OSVERSIONINFOW, dwBuildNumber)),
	VALUE(offsetof(RTL_OSVERSIONINFOW, szCSDVersion)),
	VALUE(sizeof(WCHAR)),
	VALUE(TOKEN_QUERY),
	VALUE(TokenElevation),
	VALUE(WinBuiltinAdministratorsSid),
	VALUE(SECURITY_MAX_SID_SIZE),
	VALUE(sizeof(TOKEN_ELEVATION)),
};

#define SAME_TYPE(function, type) \
	_Static_assert(__builtin_types_compatible_p(__typeof__(&function), type), #function " is not " #type)

SAME_TYPE(WSAIoctl, int (WSAAPI *)(SOCKET, DWORD, LPVOID, DWORD, LPVOID, DWORD, LPDWORD, LPWSAOVERLAPPED,
		LPWSAOVERLAPPED_COMPLETION_ROUTINE));
SAME_TYPE(CreatePersistentTcpPortReservation, ULONG (WINAPI *)(USHORT, USHORT, PULONG64));
SAME_TYPE(CreatePersistentUdpPortReservation, ULONG (WINAPI *)(USHORT, USHORT, PULONG64));
SAME_TYPE(DeletePersistentTcpPortReservation, ULONG (WINAPI *)(USHORT, USHORT));
SAME_TYPE(DeletePersistentUdpPortReservation, ULONG (WINAPI *)(USHORT, USHORT));
SAME_TYPE(LookupPersistentTcpPortReservation, ULONG (WINAPI *)(USHORT, USHORT, PULONG64));
SAME_TYPE(LookupPersistentUdpPortReservation, ULONG (WINAPI *)(USHORT, USHORT, PULONG64));
SAME_TYPE(CheckTokenMembership, BOOL (WINAPI *)(HANDLE, PSID, PBOOL));
SAME_TYPE(CreateWellKnownSid, BOOL (WINAPI *)(WELL_KNOWN_SID_TYPE, PSID, PSID, DWORD *));
SAME_TYPE(OpenProcessToken, BOOL (WINAPI *)(HANDLE, DWORD, PHANDLE));
SAME_TYPE(GetTokenInformation, BOOL (WINAPI *)(HANDLE, TOKEN_INFORMATION_CLASS, LPVOID, DWORD, PDWORD));
SAME_TYPE(GetCurrentProcess, HANDLE (WINAPI *)(void));
SAME_TYPE(CloseHandle, BOOL (WINAPI *)(HANDLE));
