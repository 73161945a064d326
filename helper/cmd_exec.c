/*
 * exec: run a command with the credential in its environment and nowhere
 * else: no shell, no file, nothing in argv.  The command replaces this
 * process, so its exit status is passed through as it is.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "hygiene.h"
#include "msg.h"
#include "source.h"

/* Set in the child: an exec inside an exec is almost always a mistake
 * (a wrapper script calling itself), so it needs --allow-nested. */
#define NESTED_VAR "ANYREACH_CRED_EXEC"

static enum ac_status
set_environment(const struct cred *c)
{
	if (setenv("ANYREACH_TOKEN", c->token, 1) < 0 ||
	    setenv(NESTED_VAR, "1", 1) < 0 ||
	    (c->kind == CRED_PAT ? setenv("ANYREACH_ORG_ID", c->org, 1)
	                         : unsetenv("ANYREACH_ORG_ID")) < 0)
		return fail(AC_FAILURE, "cannot set up the environment");
	/* The child gets the token itself; where it came from is ours. */
	unsetenv("ANYREACH_TOKEN_FILE");
	return AC_OK;
}

enum ac_status
cmd_exec(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	enum ac_status st;

	if (cli->nargs == 0)
		return fail(AC_USAGE,
		    "exec needs a command: anyreach-cred exec "
		    "-- CMD [ARGS...]");
	if (getenv(NESTED_VAR) && !cli->allow_nested)
		return fail(AC_USAGE, "already inside 'anyreach-cred exec'; "
		                      "add --allow-nested if that is meant");
	st = source_resolve(s, cli_profile(cli), cli->org, &c);
	if (st == AC_OK)
		st = set_environment(&c);
	cred_clear(&c);
	if (st != AC_OK)
		return st;
	hygiene_restore_signals();
	execvp(cli->args[0], cli->args);
	/* Exit codes as a shell gives them: 127 not found, 126 not run. */
	/* The command is not named: it might be a secret pasted by mistake. */
	fail(AC_FAILURE, "cannot run the command: %s", strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}
