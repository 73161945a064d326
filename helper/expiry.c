#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../protocol/bearer.h"
#include "expiry.h"

#define DAY_MS 86400000LL

long long
expiry_now_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

bool
expiry_passed(long long ms)
{
	return ms > 0 && expiry_now_ms() >= ms;
}

void
expiry_format(long long ms, char out[EXPIRY_TEXT_MAX])
{
	if (bearer_rfc3339(ms, out) < 0)
		snprintf(out, EXPIRY_TEXT_MAX, "never");
}

long long
expiry_days_left(long long ms)
{
	return (ms - expiry_now_ms()) / DAY_MS;
}

void
expiry_describe(long long ms, char out[EXPIRY_TEXT_MAX])
{
	char when[BEARER_TIME_MAX];

	if (bearer_rfc3339(ms, when) < 0)
		snprintf(out, EXPIRY_TEXT_MAX, "never");
	else if (expiry_passed(ms))
		snprintf(out, EXPIRY_TEXT_MAX, "%s (expired)", when);
	else
		snprintf(out, EXPIRY_TEXT_MAX, "%s (in %lld days)", when,
		    expiry_days_left(ms));
}

static int
digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* YYYY-MM-DD as midnight UTC, checked by converting back. */
static int
parse_date(const char *s, long long *ms)
{
	struct tm tm = {0};
	int y, m, d;
	time_t t;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) < 0 || digits(s + 5, 2, &m) < 0 ||
	    digits(s + 8, 2, &d) < 0)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	t = timegm(&tm);
	if (t == (time_t)-1 || tm.tm_year != y - 1900 || tm.tm_mon != m - 1 ||
	    tm.tm_mday != d)
		return -1;
	*ms = (long long)t * 1000;
	return 0;
}

int
expiry_parse_arg(const char *arg, long long now_ms, long long *ms)
{
	size_t n = strlen(arg);
	int days;

	if (strcmp(arg, "never") == 0) {
		*ms = 0;
		return 0;
	}
	if (n >= 2 && n <= 5 && arg[n - 1] == 'd') {
		if (digits(arg, n - 1, &days) < 0 || days < 1 || days > 3650)
			return -1;
		*ms = now_ms + days * DAY_MS;
		return 0;
	}
	if (parse_date(arg, ms) < 0 || *ms <= now_ms)
		return -1;
	return 0;
}
