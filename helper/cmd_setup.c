/*
 * setup git|docker [--undo] [--api URL]: write the configuration a user
 * would otherwise copy by hand, for the API's origin (--api, else
 * ANYREACH_API_URL, else the default), and take it out again.
 *
 * git: credential.<url>.helper gets "" and then "anyreach", in the global
 * config.  The empty value clears the helpers configured for every URL
 * (credential.helper=store, say) for this one, so that no other helper is
 * handed an Anyreach secret to keep in a file.  --undo removes only what
 * setup added.
 *
 * curl has no helper hook and its config (~/.curlrc) cannot be limited to
 * one host: a header written there would go to every host curl is pointed
 * at.  setup curl therefore writes nothing and says how to pass the headers
 * per call instead.
 */
#include <stdio.h>
#include <string.h>

#include "../protocol/url.h"
#include "commands.h"
#include "cred.h"
#include "msg.h"
#include "setup_docker.h"
#include "source.h"
#include "spawn.h"

/* git config --global ARGS (at most three); git's exit status, or -1.
 * Its output, if any, into out. */
static int
git_config(const char *const args[3], char *out, size_t size)
{
	char git[] = "git", config[] = "config", global[] = "--global";
	char v[3][2100];
	char *argv[7] = {git, config, global, NULL, NULL, NULL, NULL};

	for (int i = 0; i < 3 && args[i]; i++) {
		snprintf(v[i], sizeof(v[i]), "%s", args[i]);
		argv[3 + i] = v[i];
	}
	return spawn_capture(argv, out, size);
}

static int
git_run(const char *a, const char *b, const char *c)
{
	const char *const args[3] = {a, b, c};
	char ignored[256];

	return git_config(args, ignored, sizeof(ignored));
}

/* Whether the helper list of key already holds an empty value. */
static bool
has_reset(const char *key)
{
	const char *const args[3] = {"--get-all", key, NULL};
	char out[8192];

	return git_config(args, out, sizeof(out)) == 0 &&
	       (out[0] == '\n' || strstr(out, "\n\n") != NULL);
}

/* The empty value is added only where the user had none, and a marker
 * says so, so that --undo never takes out an empty value of theirs. */
static enum ac_status
setup_git(const char *url, bool undo)
{
	char key[2100], marker[2100];
	bool added_reset;
	int rc;

	snprintf(key, sizeof(key), "credential.%s.helper", url);
	snprintf(marker, sizeof(marker), "anyreach-cred.%s.addedreset", url);
	added_reset = git_run("--get", marker, NULL) == 0;
	rc = git_run("--unset-all", key, "^anyreach$"); /* 5: none */
	if (rc != 0 && rc != 5)
		return fail(AC_FAILURE, rc < 0 ? "git is not installed"
		                               : "git config failed; nothing "
		                                 "was changed");
	if (undo && added_reset &&
	    (git_run("--unset-all", key, "^$") > 5 ||
	        git_run("--unset-all", marker, NULL) > 5))
		return fail(AC_FAILURE, "git config failed");
	if (!undo && !has_reset(key) &&
	    (git_run("--add", key, "") != 0 ||
	        git_run("--bool", marker, "true") != 0))
		return fail(AC_FAILURE, "git config failed");
	if (!undo && git_run("--add", key, "anyreach") != 0)
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
	struct cred check = {0};
	enum ac_status st = cli->api ? cred_set_api(&check, cli->api) : AC_OK;

	/* --api follows login's rule: https, or http to a loopback host */
	if (st == AC_OK && (cli->api ? url_parse_origin(check.api, &o) < 0
	                             : source_default_origin(&o) != AC_OK))
		st = fail(AC_INVALID, "not a usable API URL; use "
		                      "https://host[:port]");
	cred_clear(&check);
	if (st != AC_OK)
		return st;
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
	if (strcmp(tool, "curl") == 0)
		return fail(AC_USAGE, "curl has no credential helper, and a "
		                      "header in ~/.curlrc would go to every "
		                      "host; nothing was written. Per call: "
		                      "anyreach-cred get --format curl | curl "
		                      "-K - URL");
	if (strcmp(tool, "git") != 0 && strcmp(tool, "docker") != 0)
		return fail(AC_USAGE, "usage: anyreach-cred setup git|docker "
		                      "[--undo] [--api URL]");
	st = target(cli, url, sizeof(url), host, sizeof(host));
	if (st != AC_OK)
		return st;
	return strcmp(tool, "git") == 0 ? setup_git(url, cli->undo)
	                                : setup_docker(host, cli->undo);
}
