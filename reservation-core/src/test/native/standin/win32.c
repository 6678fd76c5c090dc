/* kernel32.dll's FormatMessageW, FormatMessageA and LocalFree, and ntdll.dll's RtlGetVersion. */
#include "standin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

/* ntstatus.h */
#define STATUS_INVALID_PARAMETER 0xC000000Du

/* winnt.h: WCHAR is the platform's wchar_t here, as JNA maps a Java char array. */
typedef struct {
	uint32_t dwOSVersionInfoSize;
	uint32_t dwMajorVersion;
	uint32_t dwMinorVersion;
	uint32_t dwBuildNumber;
	uint32_t dwPlatformId;
	wchar_t szCSDVersion[128];
} RTL_OSVERSIONINFOW;

/* RTL_OSVERSIONINFOEXW adds three WORDs and two BYTEs. */
#define RTL_OSVERSIONINFOEXW_SIZE (sizeof(RTL_OSVERSIONINFOW) + 8)

/* winbase.h */
#define FORMAT_MESSAGE_ALLOCATE_BUFFER 0x00000100u
#define FORMAT_MESSAGE_FROM_SYSTEM 0x00001000u

/* Writes the platform's wchar_t, which is what JNA reads as a wide string here. */
uint32_t FormatMessageW(uint32_t flags, const void *source, uint32_t message_id, uint32_t language_id,
		wchar_t *buffer, uint32_t size, void *arguments)
{
	(void) source;
	(void) language_id;
	(void) size;
	(void) arguments;
	pthread_mutex_lock(&standin_lock);
	int error = standin_take_failure("FormatMessageW");
	pthread_mutex_unlock(&standin_lock);
	if (error == 0 && (flags & (FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM))
			!= (FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM)) {
		error = ERROR_INVALID_PARAMETER;
	}
	if (error != 0) {
		errno = error;
		return 0;
	}
	wchar_t *text = malloc(128 * sizeof(wchar_t));
	int length = swprintf(text, 128, L"Stand-in system text of error %u.\r\n", message_id);
	*(wchar_t **) buffer = text;
	return (uint32_t) length;
}

/* The ANSI twin, which JNA calls under -Dw32.ascii=true when a binding uses its default options: narrow text. */
uint32_t FormatMessageA(uint32_t flags, const void *source, uint32_t message_id, uint32_t language_id, char *buffer,
		uint32_t size, void *arguments)
{
	(void) source;
	(void) language_id;
	(void) size;
	(void) arguments;
	if ((flags & (FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM))
			!= (FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM)) {
		errno = ERROR_INVALID_PARAMETER;
		return 0;
	}
	char *text = malloc(128);
	int length = snprintf(text, 128, "Stand-in system text of error %u.\r\n", message_id);
	*(char **) buffer = text;
	return (uint32_t) length;
}

void *LocalFree(void *memory)
{
	free(memory);
	return NULL;
}

/* What the real one does on Windows 10 and later: the true version, whatever the caller's manifest says. */
int32_t RtlGetVersion(RTL_OSVERSIONINFOW *info)
{
	pthread_mutex_lock(&standin_lock);
	int32_t status = standin_take_failure("RtlGetVersion");
	pthread_mutex_unlock(&standin_lock);
	if (status != 0) {
		return status;
	}
	if (info == NULL || (info->dwOSVersionInfoSize != sizeof(RTL_OSVERSIONINFOW)
			&& info->dwOSVersionInfoSize != RTL_OSVERSIONINFOEXW_SIZE)) {
		return (int32_t) STATUS_INVALID_PARAMETER;
	}
	info->dwMajorVersion = 10;
	info->dwMinorVersion = 0;
	info->dwBuildNumber = (uint32_t) standin_build;
	info->dwPlatformId = 2;
	info->szCSDVersion[0] = 0;
	return 0;
}
