#include <stdlib.h>
#include <unistd.h>

#include "../protocol/shell.h"
#include "commands.h"
#include "expiry.h"
#include "msg.h"
#include "output.h"

#define SH_OUTPUT_MAX 8192

/* The org sent with a pat_: --org, then ANYREACH_ORG_ID, then the default
 * stored at login.  An ak_ never has one. */
static enum ac_status
pick_org(const struct cli *cli, const struct cred *c, const char **org)
{
	const char *env = getenv("ANYREACH_ORG_ID");

	*org = NULL;
	if (c->kind == CRED_AK)
		return cli->org ? fail(AC_USAGE,
		                      "profile '%s' holds an org API key, "
		                      "which is bound to its org; drop --org",
		                      c->profile)
		                : AC_OK;
	*org = cli->org ? cli->org : env && *env ? env : c->org;
	if (**org == '\0')
		return fail(AC_USAGE,
		    "profile '%s' holds a personal access token, which needs "
		    "an org: pass --org ORG, set ANYREACH_ORG_ID, or store a "
		    "default with 'anyreach-cred login --org ORG'",
		    c->profile);
	return AC_OK;
}

static enum ac_status
lookup(const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	enum ac_status st = cred_set_profile(c, cli_profile(cli));

	if (st != AC_OK)
		return st;
	st = s->get(c->profile, c);
	if (st == AC_NOTFOUND)
		return fail(AC_NOTFOUND,
		    "no credential stored for profile '%s'; run "
		    "'anyreach-cred login --profile %s'",
		    c->profile, c->profile);
	if (st == AC_OK && expiry_passed(c->expires_ms))
		return fail(AC_EXPIRED,
		    "the credential of profile '%s' has expired; create a new "
		    "one and run 'anyreach-cred login --profile %s'",
		    c->profile, c->profile);
	return st;
}

static enum ac_status
emit_sh(const struct cred *c, const char *org)
{
	struct buf out = BUF_INIT(SH_OUTPUT_MAX);
	enum ac_status st = cred_check_output(c, org);

	if (st != AC_OK)
		return st;
	if (shell_sh_export(&out, "ANYREACH_TOKEN", c->token) < 0 ||
	    (org ? shell_sh_export(&out, "ANYREACH_ORG_ID", org)
	         : shell_sh_unset(&out, "ANYREACH_ORG_ID")) < 0 ||
	    buf_add(&out, "\n", 1) < 0)
		st = fail(AC_INVALID,
		    "cannot write the credential of profile "
		    "'%s' as shell code",
		    c->profile);
	else
		st = output_write(out.data, out.len);
	buf_release(&out);
	return st;
}

enum ac_status
cmd_get(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	const char *org = NULL;
	enum ac_status st = AC_OK;

	/* A bad --org fails before the keyring is touched. */
	if (cli->org)
		st = cred_set_org(&c, cli->org);
	c.org[0] = '\0';
	if (st == AC_OK)
		st = lookup(cli, s, &c);
	if (st == AC_OK)
		st = pick_org(cli, &c, &org);
	if (st == AC_OK && isatty(STDOUT_FILENO) && !cli->reveal)
		note("not printing the token of profile '%s' to a terminal; "
		     "use eval \"$(anyreach-cred get)\", or add --reveal",
		    c.profile);
	else if (st == AC_OK)
		st = emit_sh(&c, org);
	cred_clear(&c);
	return st;
}
