#include <stdio.h>
#include <time.h>

#include "../protocol/bearer.h"
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
	if (bearer_rfc3339(ms, out) < 0)
		snprintf(out, EXPIRY_TEXT_MAX, "never");
}
