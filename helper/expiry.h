/* Expiry times: epoch milliseconds, 0 meaning never. */
#ifndef HELPER_EXPIRY_H
#define HELPER_EXPIRY_H

#include <stdbool.h>
#include <stddef.h>

#define EXPIRY_TEXT_MAX 64
#define EXPIRY_WARN_DAYS 7

long long expiry_now_ms(void);
bool expiry_passed(long long ms);

/* "2026-01-01T00:00:00Z" (UTC, whole seconds) or "never". */
void expiry_format(long long ms, char out[EXPIRY_TEXT_MAX]);

/* The same with the time left: "... (in 29 days)", "(expired)". */
void expiry_describe(long long ms, char out[EXPIRY_TEXT_MAX]);

/* Whole days left (rounded down), for an expiry in the future. */
long long expiry_days_left(long long ms);

/* An --expires argument: "30d" (1 to 3650 days from now), "YYYY-MM-DD"
 * (midnight UTC, in the future) or "never" (0).  0 on success, -1. */
int expiry_parse_arg(const char *arg, long long now_ms, long long *ms);

#endif
