#include <string.h>

#include "../expiry.h"
#include "../msg.h"
#include "../source.h"
#include "client.h"
#include "new_key.h"

enum ac_status
new_key_expiry(const struct cli *cli, long long *ms)
{
	*ms = 0;
	if (cli->expires &&
	    expiry_parse_arg(cli->expires, expiry_now_ms(), ms) < 0)
		return fail(AC_USAGE, "--expires takes 30d (1 to 3650 days), "
		                      "a future date YYYY-MM-DD, or never");
	return AC_OK;
}

enum ac_status
new_key_name_ok(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			n = 0;
	if (n == 0 || n > 200)
		return fail(AC_USAGE, "a key name is 1-200 printable "
		                      "characters");
	return AC_OK;
}

/* What the API gave must be an org API key before anything trusts it. */
static enum ac_status
take_key(const struct api_created *made, const char *name, struct cred *out)
{
	size_t len = strlen(made->pat_key);

	if (cred_token_problem(made->pat_key, len) ||
	    strncmp(made->pat_key, "ak_", 3) != 0)
		return fail(AC_SERVER,
		    "the API returned a new key that is not an org API key "
		    "(ak_<id>.<secret>); it was not stored: look for a key "
		    "named '%s' in the dashboard and delete it",
		    name);
	return cred_set_token(out, made->pat_key, len);
}

enum ac_status
new_key_create(const struct cred *auth, const char *name, long long expires_ms,
    struct cred *out)
{
	struct api_created made = {0};
	enum ac_status st = api_create_key(auth, name, expires_ms, &made);

	/* The request went out; its answer was lost or unusable, and the key
	 * may exist.  Not retried (a second key would be made), so say where
	 * to look. */
	if (st == AC_NETWORK || st == AC_SERVER)
		note("the API may have created the key anyway: look for '%s' "
		     "in 'anyreach-cred keys list' and delete it if it is "
		     "there",
		    name);
	if (st == AC_OK)
		st = take_key(&made, name, out);
	if (st == AC_OK)
		st = cred_set_api(out, source_api(auth));
	if (st == AC_OK) {
		out->expires_ms =
		    made.expires_ms ? made.expires_ms : expires_ms;
		memcpy(out->org, auth->org, sizeof(out->org));
	}
	api_created_clear(&made);
	return st;
}
