/*
 * The kernel's own cost of binding a server over a held placeholder, as a server bound from a block does: a
 * listening socket with SO_REUSEPORT bound on top of one of 16 held placeholders, against a plain bind(0), and
 * against bind(0) with SO_REUSEPORT; each opened, bound, listening, asked its address and closed, as the JDK's
 * ServerSocketChannel is. Prints microseconds per server for each, a few rounds.
 *
 *   benchmarks/kernel/run.sh [sockets]   (runs this after hold.c)
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
static double micros(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
static void die(const char *m) { perror(m); exit(1); }
static int one = 1, zero = 0;
static int server(int port, int reuseport) {
	struct sockaddr_in6 a; memset(&a, 0, sizeof a); a.sin6_family = AF_INET6; a.sin6_port = htons(port);
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (reuseport) setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
	if (bind(fd, (struct sockaddr *) &a, sizeof a) != 0) die("bind");
	if (listen(fd, 50) != 0) die("listen");
	socklen_t len = sizeof a; getsockname(fd, (struct sockaddr *) &a, &len);
	return fd;
}
int main(int argc, char **argv) {
	int n = (argc > 1) ? atoi(argv[1]) : 200000;
	int base = (argc > 2) ? atoi(argv[2]) : 20000;
	int holders[16];
	for (int i = 0; i < 16; i++) {
		struct sockaddr_in6 a; memset(&a, 0, sizeof a); a.sin6_family = AF_INET6; a.sin6_port = htons(base + i);
		holders[i] = socket(AF_INET6, SOCK_STREAM, 0);
		setsockopt(holders[i], IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
		if (bind(holders[i], (struct sockaddr *) &a, sizeof a) != 0) die("placeholder");
		setsockopt(holders[i], SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
	}
	for (int round = 0; round < 6; round++) {
		double t0 = micros();
		for (int i = 0; i < n; i++) close(server(0, 0));
		double t1 = micros();
		for (int i = 0; i < n; i++) close(server(base + (i % 16), 1));
		double t2 = micros();
		for (int i = 0; i < n; i++) close(server(0, 1));
		double t3 = micros();
		printf("plain bind(0) %.2f us, over a placeholder %.2f us (%.2fx), bind(0) with SO_REUSEPORT %.2f us (%.2fx)\n",
			(t1 - t0) / n, (t2 - t1) / n, (t2 - t1) / (t1 - t0), (t3 - t2) / n, (t3 - t2) / (t1 - t0));
	}
	return 0;
}
