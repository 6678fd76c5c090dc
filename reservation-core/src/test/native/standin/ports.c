/* The placeholders that keep other processes out of reserved ports, and the sockets of this process that hold them. */
#include "standin.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <unistd.h>

/* A dual-stack wildcard socket on the port, with no reuse flag left set, or -1. */
static int placeholder(int type, unsigned port)
{
	int saved = errno;
	int fd = socket(AF_INET6, type | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		errno = saved;
		return -1;
	}
	int off = 0;
	int on = 1;
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
	struct sockaddr_in6 any = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t) port) };
	int bound = standin_real_bind(fd, (struct sockaddr *) &any, sizeof(any)) == 0;
	if (!bound && errno == EADDRINUSE) {
		/* Over TIME_WAIT left by a closed connection; the flag is cleared again once bound (Linux 6.1 and later). */
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
		bound = standin_real_bind(fd, (struct sockaddr *) &any, sizeof(any)) == 0;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &off, sizeof(off));
	}
	if (!bound) {
		close(fd);
		fd = -1;
	}
	errno = saved;
	return fd;
}

int standin_hold_ports(struct reservation *r)
{
	r->ports = calloc(r->count, sizeof(*r->ports));
	if (r->ports == NULL) {
		return 0;
	}
	for (unsigned i = 0; i < r->count; i++) {
		r->ports[i] = (struct reserved_port) { placeholder(r->type, r->start + i), -1, 0 };
	}
	return 1;
}

void standin_release_ports(struct reservation *r)
{
	if (r->ports == NULL) {
		return;
	}
	for (unsigned i = 0; i < r->count; i++) {
		if (r->ports[i].placeholder >= 0) {
			close(r->ports[i].placeholder);
		}
	}
	free(r->ports);
	r->ports = NULL;
}

void standin_reclaim_ports(struct reservation *r)
{
	for (unsigned i = 0; i < r->count; i++) {
		struct reserved_port *p = &r->ports[i];
		if (p->holder_fd >= 0 && standin_socket_inode(p->holder_fd) != p->holder_ino) {
			p->holder_fd = -1;
		}
		if (p->holder_fd < 0 && p->placeholder < 0) {
			p->placeholder = placeholder(r->type, r->start + i);
		}
	}
}

int standin_port_held(struct reservation *r, unsigned port)
{
	struct reserved_port *p = &r->ports[port - r->start];
	return p->holder_fd >= 0 && standin_socket_inode(p->holder_fd) == p->holder_ino;
}

int standin_bind_port(struct reservation *r, unsigned port, int fd, const struct sockaddr *address,
		socklen_t length)
{
	struct reserved_port *p = &r->ports[port - r->start];
	if (standin_port_held(r, port)) {
		errno = EADDRINUSE;
		return -1;
	}
	if (p->placeholder >= 0) {
		close(p->placeholder);
		p->placeholder = -1;
	}
	if (standin_real_bind(fd, address, length) != 0) {
		int error = errno;
		p->placeholder = placeholder(r->type, port);
		errno = error;
		return -1;
	}
	p->holder_fd = fd;
	p->holder_ino = standin_socket_inode(fd);
	return 0;
}
