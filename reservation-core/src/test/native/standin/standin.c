#include "standin.h"

#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_RESERVATIONS 64
#define MAX_ASSOCIATIONS 256
#define MAX_FAILURES 16

pthread_mutex_t standin_lock = PTHREAD_MUTEX_INITIALIZER;
int standin_administrators_member = 1;
int standin_token_elevated = 1;
int standin_ports_return = 1;
int standin_exhausted_error = EADDRINUSE;

/* Unless a test sets another: Windows Server 2022. */
#define DEFAULT_BUILD 20348
int standin_build = DEFAULT_BUILD;
int standin_same_process_excluded = 1;

static struct reservation reservations[MAX_RESERVATIONS];

static struct association {
	int in_use;
	int fd;
	ino_t ino;
	uint64_t token;
} associations[MAX_ASSOCIATIONS];

static struct failure {
	char call[64];
	int code;
} failures[MAX_FAILURES];

static uint64_t token_counter;

static uint64_t next_token(void)
{
	/* Above 32 bits, so that a token narrowed to an int on the way is caught. */
	return 0x5EED000000000000ull + (++token_counter) * 0x100000001ull;
}

int standin_take_failure(const char *call)
{
	for (int i = 0; i < MAX_FAILURES; i++) {
		if (failures[i].code != 0 && strcmp(failures[i].call, call) == 0) {
			int code = failures[i].code;
			failures[i].code = 0;
			return code;
		}
	}
	return 0;
}

ino_t standin_socket_inode(int fd)
{
	struct stat status;
	if (fd < 0 || fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) {
		return 0;
	}
	return status.st_ino;
}

void standin_prune(void)
{
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		struct reservation *r = &reservations[i];
		if (r->in_use && !r->persistent && standin_socket_inode(r->owner_fd) != r->owner_ino) {
			standin_remove(r);
		}
		else if (r->in_use) {
			standin_reclaim_ports(r);
		}
	}
	for (int i = 0; i < MAX_ASSOCIATIONS; i++) {
		struct association *a = &associations[i];
		if (a->in_use && (standin_socket_inode(a->fd) != a->ino || standin_find_token(a->token) == NULL)) {
			a->in_use = 0;
		}
	}
}

struct reservation *standin_find_token(uint64_t token)
{
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		if (reservations[i].in_use && reservations[i].token == token) {
			return &reservations[i];
		}
	}
	return NULL;
}

struct reservation *standin_find_overlap(int type, unsigned start, unsigned count)
{
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		struct reservation *r = &reservations[i];
		if (r->in_use && r->type == type && start < r->start + r->count && r->start < start + count) {
			return r;
		}
	}
	return NULL;
}

struct reservation *standin_find_port(int type, unsigned port)
{
	return standin_find_overlap(type, port, 1);
}

struct reservation *standin_add(int type, unsigned start, unsigned count, int persistent)
{
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		struct reservation *r = &reservations[i];
		if (!r->in_use) {
			memset(r, 0, sizeof(*r));
			r->in_use = 1;
			r->type = type;
			r->start = start;
			r->count = count;
			r->persistent = persistent;
			r->token = next_token();
			r->owner_fd = -1;
			if (!standin_hold_ports(r)) {
				r->in_use = 0;
				return NULL;
			}
			return r;
		}
	}
	return NULL;
}

void standin_remove(struct reservation *reservation)
{
	reservation->in_use = 0;
	standin_release_ports(reservation);
	for (int i = 0; i < MAX_ASSOCIATIONS; i++) {
		if (associations[i].in_use && associations[i].token == reservation->token) {
			associations[i].in_use = 0;
		}
	}
}

int standin_associate(int fd, uint64_t token)
{
	ino_t ino = standin_socket_inode(fd);
	for (int i = 0; i < MAX_ASSOCIATIONS; i++) {
		if (associations[i].in_use && associations[i].fd == fd) {
			associations[i].in_use = 0;
		}
	}
	for (int i = 0; i < MAX_ASSOCIATIONS; i++) {
		if (!associations[i].in_use) {
			associations[i] = (struct association) { 1, fd, ino, token };
			return 1;
		}
	}
	return 0;
}

struct reservation *standin_association_of(int fd)
{
	ino_t ino = standin_socket_inode(fd);
	for (int i = 0; i < MAX_ASSOCIATIONS; i++) {
		if (associations[i].in_use && associations[i].fd == fd && associations[i].ino == ino) {
			return standin_find_token(associations[i].token);
		}
	}
	return NULL;
}

int standin_real_bind(int fd, const struct sockaddr *address, socklen_t length)
{
	static int (*real_bind)(int, const struct sockaddr *, socklen_t);
	if (real_bind == NULL) {
		real_bind = (int (*)(int, const struct sockaddr *, socklen_t)) dlsym(RTLD_NEXT, "bind");
	}
	return real_bind(fd, address, length);
}

int standin_linux_port_free(int type, unsigned port)
{
	int saved = errno;
	int fd = socket(AF_INET6, type, 0);
	int free_port;
	if (fd >= 0) {
		int off = 0;
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
		struct sockaddr_in6 any = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t) port) };
		free_port = standin_real_bind(fd, (struct sockaddr *) &any, sizeof(any)) == 0;
	}
	else {
		fd = socket(AF_INET, type, 0);
		struct sockaddr_in any = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port) };
		free_port = fd >= 0 && standin_real_bind(fd, (struct sockaddr *) &any, sizeof(any)) == 0;
	}
	if (fd >= 0) {
		close(fd);
	}
	errno = saved;
	return free_port;
}

/* The controls tests call through JNA. */

void standin_reset(void)
{
	pthread_mutex_lock(&standin_lock);
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		standin_release_ports(&reservations[i]);
	}
	memset(reservations, 0, sizeof(reservations));
	memset(associations, 0, sizeof(associations));
	memset(failures, 0, sizeof(failures));
	standin_forget_tokens();
	standin_administrators_member = 1;
	standin_token_elevated = 1;
	standin_ports_return = 1;
	standin_exhausted_error = EADDRINUSE;
	standin_build = DEFAULT_BUILD;
	standin_same_process_excluded = 1;
	pthread_mutex_unlock(&standin_lock);
}

/*
 * The next call named `call` (an IOCTL's name, an IP Helper function's name, "bind", "FormatMessageW" or
 * "RtlGetVersion") fails with `code`.
 */
void standin_fail_next(const char *call, int code)
{
	pthread_mutex_lock(&standin_lock);
	for (int i = 0; i < MAX_FAILURES; i++) {
		if (failures[i].code == 0) {
			strncpy(failures[i].call, call, sizeof(failures[i].call) - 1);
			failures[i].code = code;
			break;
		}
	}
	pthread_mutex_unlock(&standin_lock);
}

int standin_elevated_administrator(void)
{
	return standin_administrators_member && standin_token_elevated;
}

/* Whether the process runs as an elevated administrator: both facts of its token at once. */
void standin_set_elevated(int elevated)
{
	standin_administrators_member = elevated;
	standin_token_elevated = elevated;
}

/* The two facts of the process token one by one. */
void standin_set_token(int administrators_member, int elevated)
{
	standin_administrators_member = administrators_member;
	standin_token_elevated = elevated;
}

/* Whether the port of a closed associated socket goes back to its reservation: Windows does not say. */
void standin_set_ports_return(int ports_return)
{
	standin_ports_return = ports_return;
}

/*
 * The error of bind(0) on an associated socket when its reservation has no free port, which Windows does not
 * document: EADDRINUSE (Java's BindException) or ENOBUFS (a plain SocketException, as the JDK reports WSAENOBUFS).
 */
void standin_set_exhausted_error(int error)
{
	standin_exhausted_error = error;
}

/*
 * Whether a socket of this process that is not associated with a reservation is kept out of its ports. Nobody
 * knows what Windows does: an msquic maintainer saw such binds succeed.
 */
void standin_set_same_process_excluded(int excluded)
{
	standin_same_process_excluded = excluded;
}

/* The build RtlGetVersion reports, such as 17134 (Windows 10 1803) or 17763 (Windows 10 1809, Server 2019). */
void standin_set_build(int build)
{
	standin_build = build;
}

/* What a restart of Windows does to persistent reservations: each gets a new token. */
void standin_new_persistent_tokens(void)
{
	pthread_mutex_lock(&standin_lock);
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		if (reservations[i].in_use && reservations[i].persistent) {
			reservations[i].token = next_token();
		}
	}
	pthread_mutex_unlock(&standin_lock);
}

/* The token of the reservation holding a port (host byte order) of a protocol (1 TCP, 2 UDP), 0 if none. */
uint64_t standin_token_of(int type, int port)
{
	pthread_mutex_lock(&standin_lock);
	standin_prune();
	struct reservation *r = standin_find_port(type, (unsigned) port);
	uint64_t token = (r != NULL) ? r->token : 0;
	pthread_mutex_unlock(&standin_lock);
	return token;
}

/* The number of reservations held, runtime and persistent. */
int standin_reservation_count(void)
{
	pthread_mutex_lock(&standin_lock);
	standin_prune();
	int count = 0;
	for (int i = 0; i < MAX_RESERVATIONS; i++) {
		count += reservations[i].in_use;
	}
	pthread_mutex_unlock(&standin_lock);
	return count;
}
