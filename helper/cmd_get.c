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
	struct bearer b = cred_bearer(c);
	struct buf out = BUF_INIT(GET_OUTPUT_MAX);

	if (f == FORMAT_GITHUB)
		return github_env_write(&b);
	return output_reply(
	    format_emit(f, &b, &out), &out, "the credential in that format");
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
