/*
 * doctor: what works, what does not and what to do, one line each, and
 * an exit status that says whether `get` will work (0), or how it would
 * fail (the same code get would return).  It reads no secret and raises
 * no prompt: a stored credential is found by its attributes only.
 */
#include <stdio.h>
#include <string.h>

#include "../protocol/url.h"
#include "commands.h"
#include "doctor_tools.h"
#include "keyring_probe.h"
#include "keyring_report.h"
#include "msg.h"
#include "output.h"
#include "source.h"
#include "store_cache.h"
#include "store_choice.h"
#include "store_kernel.h"

static void
line(const char *mark, const char *what, const char *detail)
{
	printf("%-4s  %-26s  %s\n", mark, what, detail);
	fflush(stdout); /* in order with the error lines on stderr */
}

/* A filter that refuses everything, keeping what it was shown. */
static bool
remember(const struct cred *meta, void *arg)
{
	struct cred *seen = arg;

	seen->kind = meta->kind;
	seen->expires_ms = meta->expires_ms;
	(void)cred_set_profile(seen, meta->profile);
	if (meta->org[0])
		(void)cred_set_org(seen, meta->org);
	if (meta->api)
		(void)cred_set_api(seen, meta->api);
	return false;
}

/* What get would make of what is stored (expiry, org), reading no
 * secret: the store is asked with a filter that refuses the item. */
static enum ac_status
stored(const struct store_backend *s, const struct cli *cli)
{
	struct cred seen = {0}, c = {0};
	struct store_filter f = {remember, &seen};
	char what[GRAMMAR_PROFILE_MAX + 16];
	enum ac_status st = cred_set_profile(&c, cli_profile(cli));

	if (st == AC_OK)
		st = source_fetch(s, &f, &c);
	snprintf(what, sizeof(what), "profile %s", cli_profile(cli));
	if (seen.kind != CRED_NONE)
		st = source_settle(&seen, cli->org);
	if (seen.kind != CRED_NONE)
		line(st ? "FAIL" : "ok", what,
		    st ? "stored, but get would refuse it (see above)"
		    : seen.kind == CRED_AK ? "an org API key stored"
		                           : "a personal access token stored");
	else if (st == AC_NOTFOUND)
		line("FAIL", what, "nothing stored; run 'anyreach-cred login'");
	cred_clear(&seen);
	cred_clear(&c);
	return st;
}

static enum ac_status
secret_service(void)
{
	struct keyring_probe p;

	keyring_probe(&p);
	line(p.bus ? "FAIL" : "ok", "session bus",
	    p.bus ? "see the error above" : "reachable");
	if (p.bus)
		return p.bus;
	line(p.service ? "FAIL" : "ok", "Secret Service",
	    p.service ? "see the error above" : "answers");
	if (p.service)
		return p.service;
	if (p.collection[0] == '\0') {
		line("warn", "default collection",
		    "none yet; a desktop login (or the first store) creates "
		    "it");
		return AC_OK;
	}
	line(p.locked ? "FAIL" : "ok", "default collection",
	    p.locked ? "locked: get would need a desktop prompt to unlock "
	               "it, else exits 5; unlock it in your desktop session "
	               "(a keyring manager such as seahorse), then retry"
	             : "unlocked");
	return p.locked ? AC_LOCKED : AC_OK;
}

/* The cache says nothing about whether get works: a warning at most. */
static void
cache(void)
{
	unsigned ttl = store_cache_ttl();
	const char *why = ttl ? store_cache_problem() : NULL;
	char text[200];

	if (ttl == 0)
		snprintf(text, sizeof(text), "off (ANYREACH_CACHE_TTL)");
	else if (why)
		snprintf(text, sizeof(text),
		    "ANYREACH_CACHE_TTL=%u, but the kernel keyring cannot "
		    "hold it (%s): every get asks the Secret Service",
		    ttl, why);
	else
		snprintf(text, sizeof(text),
		    "on: what get reads is kept %u s in the kernel user "
		    "keyring",
		    ttl);
	line(why ? "warn" : "--", "cache", text);
}

static enum ac_status
store_checks(const struct store_backend *s, const struct store_backend *kernel,
    const struct cli *cli)
{
	const char *why = store_kernel_problem();
	enum ac_status st = AC_OK, found;
	char text[200];

	if (kernel) {
		if (why)
			snprintf(text, sizeof(text),
			    "not usable here (%s); containers often forbid it: "
			    "unset ANYREACH_STORE, or use ANYREACH_TOKEN",
			    why);
		line(why ? "FAIL" : "ok", "kernel keyring",
		    why ? text : "usable (ANYREACH_STORE=kernel)");
		if (why)
			return AC_KEYRING;
	} else {
		line("--", "kernel keyring",
		    why ? "not usable here"
		        : "usable; ANYREACH_STORE=kernel would select it");
		cache();
		st = secret_service();
		if (st != AC_OK && st != AC_LOCKED)
			return st;
	}
	found = stored(s, cli); /* what is stored shows while locked */
	return found != AC_OK ? found : st;
}

static enum ac_status
environment(const struct store_backend *s, const struct cli *cli)
{
	struct cred c = {0};
	enum source_kind src = source_in_effect();
	char text[200];
	enum ac_status st = cred_set_profile(&c, cli_profile(cli));

	if (st == AC_OK)
		st = source_fetch(s, NULL, &c);
	if (st == AC_OK)
		st = source_settle(&c, cli->org);
	snprintf(text, sizeof(text), "%s: %s, used instead of the keyring",
	    source_name(src), st == AC_OK ? "valid" : "unusable");
	line(st == AC_OK ? "ok" : "FAIL", "token source", text);
	cred_clear(&c);
	return st;
}

static void
links(void)
{
	static const char *const names[] = {"anyreach-cred",
	    "git-credential-anyreach", "docker-credential-anyreach",
	    "anyreach-credential-helper"};
	char path[4096];

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		bool found = doctor_on_path(names[i], path, sizeof(path));
		line(found ? "ok" : "warn", names[i],
		    found
		        ? path
		        : "not on PATH; install anyreach-cred with its links");
	}
}

/* helpers: what git asks for the API, in order ("a, b"). */
static void
git_verdict(const char *helpers)
{
	char text[600];
	bool ours = strncmp(helpers, "anyreach", 8) == 0;

	if (ours && strchr(helpers, ',') == NULL) {
		line("ok", "git", "uses git-credential-anyreach for the API");
		return;
	}
	if (!strstr(helpers, "anyreach"))
		snprintf(text, sizeof(text),
		    "not set up; run 'anyreach-cred setup git'");
	else
		snprintf(text, sizeof(text),
		    "asks %.300s for the API; any but anyreach may keep a copy "
		    "of the token: remove it, or scope it to its own hosts "
		    "(credential.<url>.helper)",
		    helpers);
	line("warn", "git", text);
}

static void
tools(void)
{
	struct origin o;
	char url[600], host[300], found[1024];

	if (source_default_origin(&o) != AC_OK ||
	    url_origin_text(&o, url, sizeof(url)) < 0 ||
	    url_origin_hostport(&o, host, sizeof(host)) < 0)
		return;
	if (!doctor_git_helpers(url, found, sizeof(found)))
		line("--", "git", "not installed");
	else {
		keyring_sanitize(found); /* the user's config, to a terminal */
		git_verdict(found);
	}
	if (!doctor_docker_helper(host, found, sizeof(found)))
		line("--", "docker", "no ~/.docker/config.json");
	else
		line(strcmp(found, "anyreach") == 0 ? "ok" : "warn", "docker",
		    strcmp(found, "anyreach") == 0
		        ? "uses docker-credential-anyreach for the API"
		        : "not set up; run 'anyreach-cred setup docker'");
}

enum ac_status
cmd_doctor(const struct cli *cli, const struct store_backend *s)
{
	const char *profile = cli_profile(cli);
	const struct store_backend *kernel = NULL;
	enum ac_status st = store_chosen(&kernel);

	if (st != AC_OK)
		return st;
	if (!grammar_is_profile(profile, strlen(profile)))
		return fail(AC_INVALID, "profile names are 1-64 of A-Z a-z 0-9 "
		                        ". _ - and do not start with . or -");
	line("--", "store",
	    kernel ? "kernel keyring (ANYREACH_STORE=kernel)"
	           : "Secret Service");
	if (source_in_effect() == SOURCE_KEYRING)
		st = store_checks(s, kernel, cli);
	else
		st = environment(s, cli);
	links();
	tools();
	if (st == AC_OK)
		printf("get will work.\n");
	else
		printf("get will not work yet (it would exit %d); see the "
		       "lines marked FAIL or warn.\n",
		    (int)st);
	return output_finish() == AC_OK ? st : AC_FAILURE;
}
