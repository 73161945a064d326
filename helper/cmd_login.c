#include <string.h>

#include "commands.h"
#include "expiry.h"
#include "msg.h"
#include "token_input.h"

/* Everything from the command line, checked before the token is read so
 * that a typo does not swallow a token piped in. */
static enum ac_status
options(const struct cli *cli, struct cred *c)
{
	enum ac_status st = cred_set_profile(c, cli_profile(cli));

	if (st == AC_OK && cli->org)
		st = cred_set_org(c, cli->org);
	if (st == AC_OK)
		st = cred_set_api(c, cli->api ? cli->api : CRED_DEFAULT_API);
	if (st == AC_OK && cli->expires_at)
		st = cred_set_expiry(c, cli->expires_at);
	if (st == AC_OK && expiry_passed(c->expires_ms))
		st = fail(AC_INVALID, "--expires-at is in the past");
	return st;
}

static enum ac_status
read_token(struct cred *c)
{
	static char buf[TOKEN_INPUT_SIZE];
	size_t len = 0;
	enum ac_status st = token_input_read(buf, &len);

	if (st == AC_OK)
		st = cred_set_token(c, buf, len);
	explicit_bzero(buf, sizeof(buf));
	return st;
}

static void
report(const struct cred *c)
{
	if (c->kind == CRED_AK)
		note("stored org API key %s for profile '%s' (%s)", c->key_id,
		    c->profile, c->api);
	else if (c->org[0])
		note("stored personal access token for profile '%s' with "
		     "default org %s (%s)",
		    c->profile, c->org, c->api);
	else
		note("stored personal access token for profile '%s' (%s); "
		     "give an org with --org or ANYREACH_ORG_ID when using it",
		    c->profile, c->api);
}

enum ac_status
cmd_login(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	enum ac_status st = options(cli, &c);

	if (st == AC_OK)
		st = read_token(&c);
	if (st == AC_OK && c.kind == CRED_AK && c.org[0])
		st = fail(AC_USAGE, "an org API key is bound to its org; --org "
		                    "applies to pat_ tokens only");
	if (st == AC_OK)
		st = s->put(&c);
	if (st == AC_OK)
		report(&c);
	cred_clear(&c);
	return st;
}
