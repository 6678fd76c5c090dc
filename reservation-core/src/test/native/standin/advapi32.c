/*
 * advapi32.dll's token queries and kernel32.dll's process pseudo-handle and CloseHandle, as the backend asks
 * whether it runs as an elevated administrator. Token handles are counted, so a test sees one left open.
 */
#include "standin.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/* winnt.h */
#define TOKEN_QUERY 0x0008u
#define TOKEN_ELEVATION_CLASS 20
#define WIN_BUILTIN_ADMINISTRATORS_SID 26

#define MAX_TOKENS 16
#define CURRENT_PROCESS ((void *) (intptr_t) -1)

/* S-1-5-32-544: revision 1, two sub-authorities, NT authority 5, then 32 (builtin) and 544 (administrators). */
static const unsigned char ADMINISTRATORS[] = { 1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0 };

static struct token {
	int open;
	uint32_t access;
} tokens[MAX_TOKENS];

static void *handle_of(int index)
{
	return (void *) (uintptr_t) (0x5EED0000u + 4u * (unsigned) index);
}

static struct token *token_of(void *handle)
{
	for (int i = 0; i < MAX_TOKENS; i++) {
		if (tokens[i].open && handle_of(i) == handle) {
			return &tokens[i];
		}
	}
	return NULL;
}

static int fail(int error)
{
	errno = error;
	return 0;
}

static int take_failure(const char *call)
{
	pthread_mutex_lock(&standin_lock);
	int error = standin_take_failure(call);
	pthread_mutex_unlock(&standin_lock);
	return error;
}

int CreateWellKnownSid(int type, const void *domain_sid, void *sid, uint32_t *size)
{
	int error = take_failure("CreateWellKnownSid");
	if (error != 0) {
		return fail(error);
	}
	if (type != WIN_BUILTIN_ADMINISTRATORS_SID || domain_sid != NULL || size == NULL) {
		return fail(ERROR_INVALID_PARAMETER);
	}
	if (sid == NULL || *size < sizeof(ADMINISTRATORS)) {
		*size = sizeof(ADMINISTRATORS);
		return fail(ERROR_INSUFFICIENT_BUFFER);
	}
	memcpy(sid, ADMINISTRATORS, sizeof(ADMINISTRATORS));
	*size = sizeof(ADMINISTRATORS);
	return 1;
}

/* With no token, the effective token of the caller; a primary token is refused, as Windows does. */
int CheckTokenMembership(void *token, const void *sid, int *is_member)
{
	int error = take_failure("CheckTokenMembership");
	if (error != 0) {
		return fail(error);
	}
	if (token != NULL) {
		return fail(ERROR_NO_IMPERSONATION_TOKEN);
	}
	if (sid == NULL || is_member == NULL) {
		return fail(ERROR_INVALID_PARAMETER);
	}
	*is_member = standin_administrators_member && memcmp(sid, ADMINISTRATORS, sizeof(ADMINISTRATORS)) == 0;
	return 1;
}

void *GetCurrentProcess(void)
{
	return CURRENT_PROCESS;
}

int OpenProcessToken(void *process, uint32_t access, void **token)
{
	int error = take_failure("OpenProcessToken");
	if (error != 0) {
		return fail(error);
	}
	if (process != CURRENT_PROCESS || token == NULL) {
		return fail(ERROR_INVALID_PARAMETER);
	}
	pthread_mutex_lock(&standin_lock);
	int index = -1;
	for (int i = 0; i < MAX_TOKENS && index < 0; i++) {
		if (!tokens[i].open) {
			tokens[i] = (struct token) { 1, access };
			index = i;
		}
	}
	pthread_mutex_unlock(&standin_lock);
	if (index < 0) {
		return fail(ERROR_ACCESS_DENIED);
	}
	*token = handle_of(index);
	return 1;
}

int GetTokenInformation(void *token, int information_class, void *information, uint32_t length,
		uint32_t *return_length)
{
	int error = take_failure("GetTokenInformation");
	if (error != 0) {
		return fail(error);
	}
	pthread_mutex_lock(&standin_lock);
	struct token *open = token_of(token);
	uint32_t access = (open != NULL) ? open->access : 0;
	pthread_mutex_unlock(&standin_lock);
	if (open == NULL) {
		return fail(ERROR_INVALID_HANDLE);
	}
	if ((access & TOKEN_QUERY) == 0) {
		return fail(ERROR_ACCESS_DENIED);
	}
	if (information_class != TOKEN_ELEVATION_CLASS || return_length == NULL) {
		return fail(ERROR_INVALID_PARAMETER);
	}
	*return_length = sizeof(uint32_t);
	if (information == NULL || length < sizeof(uint32_t)) {
		return fail(ERROR_INSUFFICIENT_BUFFER);
	}
	*(uint32_t *) information = (uint32_t) standin_token_elevated;
	return 1;
}

int CloseHandle(void *handle)
{
	pthread_mutex_lock(&standin_lock);
	struct token *open = token_of(handle);
	if (open != NULL) {
		open->open = 0;
	}
	pthread_mutex_unlock(&standin_lock);
	return (open != NULL) ? 1 : fail(ERROR_INVALID_HANDLE);
}

void standin_forget_tokens(void)
{
	memset(tokens, 0, sizeof(tokens));
}

/* The number of token handles open now. */
int standin_open_tokens(void)
{
	pthread_mutex_lock(&standin_lock);
	int count = 0;
	for (int i = 0; i < MAX_TOKENS; i++) {
		count += tokens[i].open;
	}
	pthread_mutex_unlock(&standin_lock);
	return count;
}
