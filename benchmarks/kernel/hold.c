/*
 * The kernel's own cost of holding sockets: N TCP sockets opened, bound and closed one at
 * a time, against N opened and bound all at once, then closed (as a block holds them).
 * Prints microseconds per socket for each, a few rounds.
 *
 *   benchmarks/kernel/run.sh [sockets]
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double micros(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int bound_socket(void) {
	struct sockaddr_in6 address;
	memset(&address, 0, sizeof address);
	address.sin6_family = AF_INET6;
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *) &address, sizeof address) != 0) {
		perror("socket or bind");
		exit(1);
	}
	return fd;
}

int main(int argc, char **argv) {
	int n = (argc > 1) ? atoi(argv[1]) : 1024;
	int *held = malloc(n * sizeof(int));
	for (int round = 0; round < 8; round++) {
		double start = micros();
		for (int i = 0; i < n; i++) {
			close(bound_socket());
		}
		double oneAtATime = micros();
		for (int i = 0; i < n; i++) {
			held[i] = bound_socket();
		}
		for (int i = 0; i < n; i++) {
			close(held[i]);
		}
		double allHeld = micros();
		printf("%d sockets: one at a time %.2f us each, all held %.2f us each (%.2fx)\n", n, (oneAtATime - start) / n,
				(allHeld - oneAtATime) / n, (allHeld - oneAtATime) / (oneAtATime - start));
	}
	return 0;
}
