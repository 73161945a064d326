/* Expiry times: epoch milliseconds, 0 meaning never. */
#ifndef HELPER_EXPIRY_H
#define HELPER_EXPIRY_H

#include <stdbool.h>
#include <stddef.h>

#define EXPIRY_TEXT_MAX 32 /* BEARER_TIME_MAX */

bool expiry_passed(long long ms);

/* "2026-01-01T00:00:00Z" (UTC, whole seconds) or "never". */
void expiry_format(long long ms, char out[EXPIRY_TEXT_MAX]);

#endif
