/* kernel32.dll's FormatMessageW, FormatMessageA and LocalFree, and shell32.dll's IsUserAnAdmin, as the backend uses them. */
#include "standin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

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

int IsUserAnAdmin(void)
{
	return standin_elevated;
}
