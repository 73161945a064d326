#include <string.h>
#include <time.h>

#include "bearer.h"
#include "grammar.h"

bool
bearer_ok(const struct bearer *b)
{
	return b->token && grammar_is_b64token(b->token, strlen(b->token)) &&
	       (b->org == NULL || grammar_is_org_id(b->org, strlen(b->org)));
}

int
bearer_rfc3339(long long ms, char out[BEARER_TIME_MAX])
{
	time_t secs = (time_t)(ms / 1000);
	struct tm tm;

	if (ms <= 0 || gmtime_r(&secs, &tm) == NULL ||
	    strftime(out, BEARER_TIME_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return -1;
	return 0;
}
