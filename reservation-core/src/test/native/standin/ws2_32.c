/* ws2_32.dll: WSAIoctl with the three port reservation IOCTLs, and the bind() of Linux seen through them. */
#include "standin.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WILDCARD_LOW 20000u
#define WILDCARD_HIGH 32767u

static int socket_type(int fd)
{
	int type = 0;
	socklen_t length = sizeof(type);
	if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0) {
		return 0;
	}
	return (type == SOCK_STREAM || type == SOCK_DGRAM) ? type : -1;
}

static int is_bound(int fd)
{
	struct sockaddr_storage address;
	socklen_t length = sizeof(address);
	if (getsockname(fd, (struct sockaddr *) &address, &length) != 0) {
		return 0;
	}
	if (address.ss_family == AF_INET) {
		return ((struct sockaddr_in *) &address)->sin_port != 0;
	}
	return address.ss_family == AF_INET6 && ((struct sockaddr_in6 *) &address)->sin6_port != 0;
}

static int block_free(int type, unsigned start, unsigned count)
{
	if (standin_find_overlap(type, start, count) != NULL) {
		return 0;
	}
	for (unsigned port = start; port < start + count; port++) {
		if (!standin_linux_port_free(type, port)) {
			return 0;
		}
	}
	return 1;
}

static int acquire(int fd, int type, void *in, uint32_t in_length, void *out, uint32_t out_length,
		uint32_t *bytes_returned)
{
	if (in == NULL || in_length != sizeof(INET_PORT_RANGE)) {
		return WSAEFAULT;
	}
	if (out == NULL || out_length != sizeof(INET_PORT_RESERVATION_INSTANCE)) {
		return WSAEINVAL;
	}
	const INET_PORT_RANGE *range = in;
	unsigned start = ntohs(range->StartPort);
	unsigned count = range->NumberOfPorts;
	if (count == 0 || start + count - 1 > 65535) {
		return WSAEINVAL;
	}
	if (start == 0) {
		unsigned span = WILDCARD_HIGH - WILDCARD_LOW + 1;
		if (count > span) {
			return WSAEADDRINUSE;
		}
		unsigned first = WILDCARD_LOW + (unsigned) (rand() % (int) (span - count + 1));
		for (unsigned tried = 0; tried <= span - count && start == 0; tried++) {
			unsigned candidate = WILDCARD_LOW + (first - WILDCARD_LOW + tried) % (span - count + 1);
			if (block_free(type, candidate, count)) {
				start = candidate;
			}
		}
		if (start == 0) {
			return WSAEADDRINUSE;
		}
	}
	else if (!block_free(type, start, count)) {
		return WSAEADDRINUSE;
	}
	struct reservation *r = standin_add(type, start, count, 0);
	if (r == NULL) {
		return WSAENOBUFS;
	}
	r->owner_fd = fd;
	r->owner_ino = standin_socket_inode(fd);
	INET_PORT_RESERVATION_INSTANCE *instance = out;
	memset(instance, 0, sizeof(*instance));
	instance->Reservation.StartPort = htons((uint16_t) start);
	instance->Reservation.NumberOfPorts = (uint16_t) count;
	instance->Token.Token = r->token;
	*bytes_returned = sizeof(*instance);
	return 0;
}

static int token_call(unsigned code, int fd, int type, void *in, uint32_t in_length, void *out,
		uint32_t out_length, uint32_t *bytes_returned)
{
	if (in == NULL || in_length != sizeof(INET_PORT_RESERVATION_TOKEN)) {
		return WSAEFAULT;
	}
	if (out != NULL || out_length != 0) {
		return WSAEINVAL;
	}
	struct reservation *r = standin_find_token(((const INET_PORT_RESERVATION_TOKEN *) in)->Token);
	if (r == NULL) {
		return WSAEINVAL;
	}
	*bytes_returned = 0;
	if (code == SIO_RELEASE_PORT_RESERVATION) {
		if (r->persistent) {
			return WSAEINVAL;
		}
		standin_remove(r);
		return 0;
	}
	if (r->persistent && !standin_elevated_administrator()) {
		return WSAEACCES;
	}
	if (r->type != type || is_bound(fd)) {
		return WSAEINVAL;
	}
	return standin_associate(fd, r->token) ? 0 : WSAEINVAL;
}

static const char *ioctl_name(unsigned code)
{
	switch (code) {
	case SIO_ACQUIRE_PORT_RESERVATION:
		return "SIO_ACQUIRE_PORT_RESERVATION";
	case SIO_RELEASE_PORT_RESERVATION:
		return "SIO_RELEASE_PORT_RESERVATION";
	case SIO_ASSOCIATE_PORT_RESERVATION:
		return "SIO_ASSOCIATE_PORT_RESERVATION";
	default:
		return NULL;
	}
}

int WSAIoctl(uintptr_t s, uint32_t code, void *in, uint32_t in_length, void *out, uint32_t out_length,
		uint32_t *bytes_returned, void *overlapped, void *completion_routine)
{
	static int seeded;
	int fd = (int) s;
	int error;
	pthread_mutex_lock(&standin_lock);
	if (!seeded) {
		srand((unsigned) time(NULL) ^ (unsigned) getpid());
		seeded = 1;
	}
	standin_prune();
	const char *name = ioctl_name(code);
	int type = socket_type(fd);
	if (name == NULL) {
		error = WSAEINVAL;
	}
	else if ((error = standin_take_failure(name)) != 0) {
		/* injected */
	}
	else if (bytes_returned == NULL || overlapped != NULL || completion_routine != NULL) {
		/* Only synchronous calls are modelled, and they need lpcbBytesReturned. */
		error = WSAEFAULT;
	}
	else if (standin_socket_inode(fd) == 0) {
		error = WSAENOTSOCK;
	}
	else if (type <= 0) {
		error = WSAEOPNOTSUPP;
	}
	else if (code == SIO_ACQUIRE_PORT_RESERVATION) {
		error = acquire(fd, type, in, in_length, out, out_length, bytes_returned);
	}
	else {
		error = token_call(code, fd, type, in, in_length, out, out_length, bytes_returned);
	}
	pthread_mutex_unlock(&standin_lock);
	if (error != 0) {
		errno = error;
		return -1;
	}
	return 0;
}

static int port_of(const struct sockaddr *address, socklen_t length)
{
	if (address->sa_family == AF_INET && length >= sizeof(struct sockaddr_in)) {
		return ntohs(((const struct sockaddr_in *) address)->sin_port);
	}
	if (address->sa_family == AF_INET6 && length >= sizeof(struct sockaddr_in6)) {
		return ntohs(((const struct sockaddr_in6 *) address)->sin6_port);
	}
	return -1;
}

static void set_port(struct sockaddr_storage *address, unsigned port)
{
	if (address->ss_family == AF_INET) {
		((struct sockaddr_in *) address)->sin_port = htons((uint16_t) port);
	}
	else {
		((struct sockaddr_in6 *) address)->sin6_port = htons((uint16_t) port);
	}
}

/* bind(0) on an associated socket: the lowest port of its reservation that Linux lets it take. */
static int bind_from_reservation(int fd, struct reservation *r, const struct sockaddr *address, socklen_t length)
{
	struct sockaddr_storage copy;
	memcpy(&copy, address, length);
	for (unsigned port = r->start; port < r->start + r->count; port++) {
		unsigned bit = port - r->start;
		if (standin_port_held(r, port)
				|| (!standin_ports_return && (r->handed_out[bit / 8] & (1u << (bit % 8))))) {
			continue;
		}
		set_port(&copy, port);
		if (standin_bind_port(r, port, fd, (struct sockaddr *) &copy, length) == 0) {
			r->handed_out[bit / 8] |= (unsigned char) (1u << (bit % 8));
			return 0;
		}
		if (errno != EADDRINUSE) {
			return -1;
		}
	}
	errno = standin_exhausted_error;
	return -1;
}

int bind(int fd, const struct sockaddr *address, socklen_t length)
{
	int port = (address != NULL) ? port_of(address, length) : -1;
	int type = socket_type(fd);
	if (port < 0 || type <= 0) {
		return standin_real_bind(fd, address, length);
	}
	pthread_mutex_lock(&standin_lock);
	standin_prune();
	int result = -1;
	int error = standin_take_failure("bind");
	struct reservation *associated = standin_association_of(fd);
	struct reservation *holder = standin_find_port(type, (unsigned) port);
	if (error != 0) {
		/* injected */
	}
	else if (associated != NULL && port == 0) {
		result = bind_from_reservation(fd, associated, address, length);
	}
	else if (associated != NULL && holder != associated) {
		/* An associated socket binds only inside its reservation. */
		errno = EADDRINUSE;
	}
	else if (holder != NULL && (associated == holder || !standin_same_process_excluded)) {
		result = standin_bind_port(holder, (unsigned) port, fd, address, length);
	}
	else if (holder != NULL) {
		errno = EADDRINUSE;
	}
	else {
		result = standin_real_bind(fd, address, length);
	}
	if (error == 0) {
		error = (result != 0) ? errno : 0;
	}
	pthread_mutex_unlock(&standin_lock);
	errno = error;
	return result;
}
