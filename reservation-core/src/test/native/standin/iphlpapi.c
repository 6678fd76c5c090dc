/* iphlpapi.dll: the six functions of persistent port reservations. StartPort is in network byte order. */
#include "standin.h"

#include <netinet/in.h>
#include <stddef.h>

static uint32_t create(const char *call, int type, uint16_t start_port, uint16_t number_of_ports, uint64_t *token)
{
	unsigned start = ntohs(start_port);
	unsigned count = number_of_ports;
	uint32_t error;
	pthread_mutex_lock(&standin_lock);
	standin_prune();
	if ((error = (uint32_t) standin_take_failure(call)) != 0) {
		/* injected */
	}
	else if (!standin_elevated_administrator()) {
		error = ERROR_ACCESS_DENIED;
	}
	else if (token == NULL || start == 0 || count == 0 || start + count - 1 > 65535) {
		error = ERROR_INVALID_PARAMETER;
	}
	else if (standin_find_overlap(type, start, count) != NULL) {
		error = ERROR_SHARING_VIOLATION;
	}
	else {
		for (unsigned port = start; port < start + count && error == 0; port++) {
			if (!standin_linux_port_free(type, port)) {
				error = ERROR_SHARING_VIOLATION;
			}
		}
		struct reservation *r = (error == 0) ? standin_add(type, start, count, 1) : NULL;
		if (r != NULL) {
			*token = r->token;
		}
		else if (error == 0) {
			error = ERROR_SHARING_VIOLATION;
		}
	}
	pthread_mutex_unlock(&standin_lock);
	return error;
}

static struct reservation *exactly(int type, unsigned start, unsigned count)
{
	struct reservation *r = standin_find_overlap(type, start, count);
	return (r != NULL && r->persistent && r->start == start && r->count == count) ? r : NULL;
}

static uint32_t delete_or_lookup(const char *call, int type, uint16_t start_port, uint16_t number_of_ports,
		uint64_t *token, int delete)
{
	unsigned start = ntohs(start_port);
	unsigned count = number_of_ports;
	uint32_t error;
	pthread_mutex_lock(&standin_lock);
	standin_prune();
	struct reservation *r = exactly(type, start, count);
	if ((error = (uint32_t) standin_take_failure(call)) != 0) {
		/* injected */
	}
	else if (delete && !standin_elevated_administrator()) {
		error = ERROR_ACCESS_DENIED;
	}
	else if ((!delete && token == NULL) || start == 0 || count == 0) {
		error = ERROR_INVALID_PARAMETER;
	}
	else if (r == NULL) {
		error = ERROR_NOT_FOUND;
	}
	else if (delete) {
		standin_remove(r);
	}
	else {
		*token = r->token;
	}
	pthread_mutex_unlock(&standin_lock);
	return error;
}

uint32_t CreatePersistentTcpPortReservation(uint16_t StartPort, uint16_t NumberOfPorts, uint64_t *Token)
{
	return create(__func__, SOCK_STREAM, StartPort, NumberOfPorts, Token);
}

uint32_t CreatePersistentUdpPortReservation(uint16_t StartPort, uint16_t NumberOfPorts, uint64_t *Token)
{
	return create(__func__, SOCK_DGRAM, StartPort, NumberOfPorts, Token);
}

uint32_t DeletePersistentTcpPortReservation(uint16_t StartPort, uint16_t NumberOfPorts)
{
	return delete_or_lookup(__func__, SOCK_STREAM, StartPort, NumberOfPorts, NULL, 1);
}

uint32_t DeletePersistentUdpPortReservation(uint16_t StartPort, uint16_t NumberOfPorts)
{
	return delete_or_lookup(__func__, SOCK_DGRAM, StartPort, NumberOfPorts, NULL, 1);
}

uint32_t LookupPersistentTcpPortReservation(uint16_t StartPort, uint16_t NumberOfPorts, uint64_t *Token)
{
	return delete_or_lookup(__func__, SOCK_STREAM, StartPort, NumberOfPorts, Token, 0);
}

uint32_t LookupPersistentUdpPortReservation(uint16_t StartPort, uint16_t NumberOfPorts, uint64_t *Token)
{
	return delete_or_lookup(__func__, SOCK_DGRAM, StartPort, NumberOfPorts, Token, 0);
}
