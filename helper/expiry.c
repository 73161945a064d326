#include <stdio.h>
#include <time.h>

#include "expiry.h"

bool
expiry_passed(long long ms)
{
	struct timespec now;

	if (ms <= 0)
		return false;
	clock_gettime(CLOCK_REALTIME, &now);
	return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000 >= ms;
}

void
expiry_format(long long ms, char out[EXPIRY_TEXT_MAX])
{
	time_t secs = (time_t)(ms / 1000);
	struct tm tm;

	if (ms <= 0 || gmtime_r(&secs, &tm) == NULL ||
	    strftime(out, EXPIRY_TEXT_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, EXPIRY_TEXT_MAX, "never");
}
