/*
 * For doctor: how far a Secret Service lookup would get, without reading
 * any secret or raising a prompt.
 */
#ifndef HELPER_KEYRING_PROBE_H
#define HELPER_KEYRING_PROBE_H

#include <stdbool.h>

#include "status.h"

struct keyring_probe {
	enum ac_status bus;     /* connecting to the session bus */
	enum ac_status service; /* a Secret Service answering on it */
	char collection[256];   /* the default collection, or "" if none */
	bool locked;            /* whether it is locked */
};

/* Fill p, reporting each failure (msg.h) as a lookup would. */
void keyring_probe(struct keyring_probe *p);

#endif
