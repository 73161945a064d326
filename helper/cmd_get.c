#include <unistd.h>

#include "../protocol/format.h"
#include "commands.h"
#include "github_env.h"
#include "msg.h"
#include "output.h"
#include "source.h"

#define GET_OUTPUT_MAX 16384

static enum ac_status
emit(enum format f, const struct cred *c)
{
	struct bearer b = {
	    c->token, c->kind == CRED_PAT ? c->org : NULL, c->expires_ms};
	struct buf out = BUF_INIT(GET_OUTPUT_MAX);
	enum ac_status st;

	if (f == FORMAT_GITHUB)
		return github_env_write(&b);
	if (format_emit(f, &b, &out) < 0)
		st = fail(AC_INVALID,
		    "cannot write the credential of profile "
		    "'%s' in that format",
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
	enum format f = FORMAT_SH;
	enum ac_status st = AC_OK;

	if (cli->format && format_from_name(cli->format, &f) < 0)
		return fail(AC_USAGE, "unknown format; use sh, fish, "
		                      "powershell, env, headers, curl, json "
		                      "or github");
	st = source_resolve(s, cli_profile(cli), cli->org, &c);
	if (st == AC_OK && isatty(STDOUT_FILENO) && !cli->reveal)
		note("not printing the token of profile '%s' to a terminal; "
		     "use eval \"$(anyreach-cred get)\", or add --reveal",
		    c.profile);
	else if (st == AC_OK)
		st = emit(f, &c);
	cred_clear(&c);
	return st;
}
