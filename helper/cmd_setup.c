/*
 * setup git|docker [--undo] [--api URL]: write the configuration a user
 * would otherwise copy by hand, for the API's origin (--api, else
 * ANYREACH_API_URL, else the default), and take it out again.
 *
 * git: credential.<url>.helper is set to "" and then "anyreach", in the
 * global config.  The empty value clears the helpers configured for every
 * URL (credential.helper=store, say) for this one, so that no other helper
 * is handed an Anyreach secret to keep in a file.  Only those two values
 * are added, and --undo removes only them.
 *
 * curl has no helper hook; the README shows `curl -K` with `get`.
 */
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "../protocol/url.h"
#include "commands.h"
#include "cred.h"
#include "msg.h"
#include "setup_docker.h"
#include "source.h"

extern char **environ;

#define OURS_PATTERN "^(anyreach)?$"

/* git config --global ARGS...; git's exit status, or -1. */
static int
git_config(const char *a, const char *b, const char *c)
{
	char git[] = "git", config[] = "config", global[] = "--global";
	char x[2048], y[2048], z[2048];
	char *argv[] = {git, config, global, x, y, c ? z : NULL, NULL};
	pid_t pid;
	int status;

	snprintf(x, sizeof(x), "%s", a);
	snprintf(y, sizeof(y), "%s", b);
	snprintf(z, sizeof(z), "%s", c ? c : "");
	if (posix_spawnp(&pid, "git", NULL, NULL, argv, environ) != 0)
		return -1;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static enum ac_status
setup_git(const char *url, bool undo)
{
	char key[2100];
	int rc;

	snprintf(key, sizeof(key), "credential.%s.helper", url);
	/* 5: there was nothing to remove */
	rc = git_config("--unset-all", key, OURS_PATTERN);
	if (rc != 0 && rc != 5)
		return fail(AC_FAILURE, rc < 0 ? "git is not installed"
		                               : "git config failed; nothing "
		                                 "was changed");
	if (!undo && (git_config("--add", key, "") != 0 ||
	                 git_config("--add", key, "anyreach") != 0))
		return fail(AC_FAILURE, "git config failed; run 'anyreach-cred "
		                        "setup git --undo' and try again");
	note("%s in ~/.gitconfig: %s", key,
	    undo ? "anyreach removed" : "\"\" then \"anyreach\"");
	return AC_OK;
}

static enum ac_status
target(const struct cli *cli, char *url, size_t usize, char *host, size_t hsize)
{
	struct origin o;

	if (cli->api ? url_parse_origin(cli->api, &o) < 0
	             : source_default_origin(&o) != AC_OK)
		return fail(AC_INVALID, "not a usable API URL; use "
		                        "https://host[:port]");
	if (url_origin_text(&o, url, usize) < 0 ||
	    url_origin_hostport(&o, host, hsize) < 0)
		return fail(AC_INVALID, "the API URL is too long");
	return AC_OK;
}

enum ac_status
cmd_setup(const struct cli *cli, const struct store_backend *s)
{
	char url[URL_MAX + 16], host[URL_MAX];
	const char *tool = cli->nargs == 1 ? cli->args[0] : "";
	enum ac_status st;

	(void)s;
	if (strcmp(tool, "git") != 0 && strcmp(tool, "docker") != 0)
		return fail(AC_USAGE, "usage: anyreach-cred setup git|docker "
		                      "[--undo] [--api URL]");
	st = target(cli, url, sizeof(url), host, sizeof(host));
	if (st != AC_OK)
		return st;
	return strcmp(tool, "git") == 0 ? setup_git(url, cli->undo)
	                                : setup_docker(host, cli->undo);
}
