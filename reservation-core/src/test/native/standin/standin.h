/*
 * A stand-in for the port reservation part of Windows (ws2_32, iphlpapi, kernel32, advapi32, ntdll) on Linux, so the
 * real Java backend runs end to end without Windows. It models what Microsoft documents and is strict where Windows
 * may be lenient: exact buffer sizes, StartPort in network byte order, tokens above 32 bits. Loaded with LD_PRELOAD
 * it also interposes bind(): a socket associated with a reservation binds inside it, any other socket of this
 * process is kept out of every reserved port (unless a test says otherwise, as nobody knows what Windows does), and
 * placeholder sockets keep every other process out. Tests steer it through the standin_* functions.
 */
#ifndef STANDIN_H
#define STANDIN_H

#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

/* winerror.h */
#define NO_ERROR 0
#define ERROR_ACCESS_DENIED 5
#define ERROR_SHARING_VIOLATION 32
#define ERROR_INVALID_PARAMETER 87
#define ERROR_NOT_FOUND 1168
#define WSAEINVAL 10022
#define WSAEFAULT 10014
#define WSAEACCES 10013
#define WSAENOTSOCK 10038
#define WSAEOPNOTSUPP 10045
#define WSAEADDRINUSE 10048
#define WSAENOBUFS 10055
#define ERROR_INVALID_HANDLE 6
#define ERROR_INSUFFICIENT_BUFFER 122
#define ERROR_NO_IMPERSONATION_TOKEN 1309

/* mstcpip.h */
#define SIO_ACQUIRE_PORT_RESERVATION 0x98000064u
#define SIO_RELEASE_PORT_RESERVATION 0x98000065u
#define SIO_ASSOCIATE_PORT_RESERVATION 0x98000066u

typedef struct {
	uint16_t StartPort; /* network byte order */
	uint16_t NumberOfPorts;
} INET_PORT_RANGE;

typedef struct {
	uint64_t Token;
} INET_PORT_RESERVATION_TOKEN;

typedef struct {
	INET_PORT_RANGE Reservation;
	INET_PORT_RESERVATION_TOKEN Token;
} INET_PORT_RESERVATION_INSTANCE;

struct reservation {
	int in_use;
	int type; /* SOCK_STREAM for TCP, SOCK_DGRAM for UDP */
	unsigned start;
	unsigned count;
	uint64_t token;
	int persistent;
	/* A runtime reservation lives as long as the socket it was acquired on. */
	int owner_fd;
	ino_t owner_ino;
	/* Ports bind(0) gave out, which it never gives again while ports do not return. */
	unsigned char handed_out[65536 / 8];
	/* One entry per port of the block. */
	struct reserved_port *ports;
};

/*
 * How the stand-in keeps other processes out, as Windows does: a Linux socket with no reuse flag ("placeholder")
 * on every reserved port that no socket of this process holds. A socket that binds a port takes the placeholder's
 * place; when it closes, the placeholder comes back at the stand-in's next call.
 */
struct reserved_port {
	int placeholder; /* -1 while a socket of this process holds the port, or Linux refuses the placeholder */
	int holder_fd; /* -1 if none */
	ino_t holder_ino;
};

/* Opens the placeholders of a new reservation. Call with the lock held. */
int standin_hold_ports(struct reservation *reservation);

/* Closes the placeholders of a reservation that ends; sockets bound from it stay. Call with the lock held. */
void standin_release_ports(struct reservation *reservation);

/* Puts placeholders back on the ports whose socket closed. Call with the lock held. */
void standin_reclaim_ports(struct reservation *reservation);

/* Whether a socket of this process holds a port of the reservation now. */
int standin_port_held(struct reservation *reservation, unsigned port);

/* Binds fd to a port of the reservation in place of its placeholder: 0, or -1 with errno. Call with the lock held. */
int standin_bind_port(struct reservation *reservation, unsigned port, int fd, const struct sockaddr *address,
		socklen_t length);

extern pthread_mutex_t standin_lock;

/* Takes a failure injected for this call, or returns 0. */
int standin_take_failure(const char *call);

/*
 * Drops runtime reservations and associations whose socket is closed, and puts placeholders back on ports whose
 * socket closed. Call with the lock held.
 */
void standin_prune(void);

struct reservation *standin_find_token(uint64_t token);
struct reservation *standin_find_port(int type, unsigned port);
struct reservation *standin_find_overlap(int type, unsigned start, unsigned count);
struct reservation *standin_add(int type, unsigned start, unsigned count, int persistent);
void standin_remove(struct reservation *reservation);

/* Whether Linux lets a fresh socket of this type bind the port: ports in use are refused, as Windows does. */
int standin_linux_port_free(int type, unsigned port);

/* The identity of an open socket descriptor, 0 if it is none. */
ino_t standin_socket_inode(int fd);

int standin_associate(int fd, uint64_t token);

/* The reservation an open socket is associated with, or NULL. */
struct reservation *standin_association_of(int fd);

/* The process token: whether it holds the Administrators group (enabled) and whether it is elevated. */
extern int standin_administrators_member;
extern int standin_token_elevated;

/* What persistent reservations need, as Microsoft documents: an administrator in an elevated process. */
int standin_elevated_administrator(void);

/* Closes every token handle. Call with the lock held. */
void standin_forget_tokens(void);
extern int standin_ports_return;
extern int standin_exhausted_error;
extern int standin_build;
extern int standin_same_process_excluded;

int standin_real_bind(int fd, const struct sockaddr *address, socklen_t length);

#endif
