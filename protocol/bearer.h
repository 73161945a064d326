/*
 * What every output format carries: the bearer token, the org to send
 * with it (a pat_'s; NULL for an ak_, which never carries one) and the
 * expiry.  Emitters check it with bearer_ok() before writing a byte.
 */
#ifndef PROTOCOL_BEARER_H
#define PROTOCOL_BEARER_H

#include <stdbool.h>

#define BEARER_TIME_MAX 32

struct bearer {
	const char *token;
	const char *org;
	long long expires_ms; /* epoch milliseconds; 0: none known */
};

/* The token is a b64token and the org, if any, an org id. */
bool bearer_ok(const struct bearer *b);

/* ms as whole-second RFC 3339 UTC, "2026-01-01T00:00:00Z"; -1 if out of
 * range.  Whole seconds, because Bazel's parser rejects fractions. */
int bearer_rfc3339(long long ms, char out[BEARER_TIME_MAX]);

#endif
