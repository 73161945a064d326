#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expiry.h"
#include "msg.h"
#include "source.h"
#include "token_input.h"

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

/* The API URL override, when set; validated by source_fetch(). */
static const char *
api_override(void)
{
	return env("ANYREACH_API_URL");
}

/* $CREDENTIALS_DIRECTORY/anyreach-token, if the service was given one. */
static int
systemd_path(char *path, size_t size)
{
	const char *dir = env("CREDENTIALS_DIRECTORY");
	int n;

	if (dir == NULL)
		return -1;
	n = snprintf(path, size, "%s/anyreach-token", dir);
	return n > 0 && (size_t)n < size && access(path, F_OK) == 0 ? 0 : -1;
}

/* Set at all, even empty: a CI that maps a secret it does not have sets
 * the variable to "", and that must be an error, not a quiet fall back to
 * another source. */
static bool
present(const char *name)
{
	return getenv(name) != NULL;
}

enum source_kind
source_in_effect(void)
{
	char path[4096];

	if (present("ANYREACH_TOKEN"))
		return SOURCE_ENV;
	if (present("ANYREACH_TOKEN_FILE"))
		return SOURCE_FILE;
	if (systemd_path(path, sizeof(path)) == 0)
		return SOURCE_SYSTEMD;
	return SOURCE_KEYRING;
}

const char *
source_name(enum source_kind kind)
{
	static const char *const names[] = {
	    [SOURCE_ENV] = "ANYREACH_TOKEN",
	    [SOURCE_FILE] = "ANYREACH_TOKEN_FILE",
	    [SOURCE_SYSTEMD] = "systemd credential anyreach-token",
	    [SOURCE_KEYRING] = "keyring",
	};

	return names[kind];
}

static enum ac_status
take(struct cred *c, const char *what, const char *token, size_t len)
{
	const char *why = cred_token_problem(token, len);

	if (why)
		return fail(
		    AC_INVALID, "%s holds no valid token: %s", what, why);
	return cred_set_token(c, token, len);
}

static enum ac_status
from_file(struct cred *c, const char *path, const char *what)
{
	static char buf[TOKEN_INPUT_SIZE];
	size_t len = 0;
	enum ac_status st = token_input_file(path, what, buf, &len);

	if (st == AC_OK)
		st = take(c, what, buf, len);
	explicit_bzero(buf, sizeof(buf));
	return st;
}

static enum ac_status
from_outside(enum source_kind kind, struct cred *c)
{
	char path[4096];
	const char *token = getenv("ANYREACH_TOKEN");
	const char *file = getenv("ANYREACH_TOKEN_FILE");

	switch (kind) {
	case SOURCE_ENV:
		if (token == NULL || *token == '\0')
			return fail(AC_INVALID,
			    "ANYREACH_TOKEN is set but empty (is the CI secret "
			    "available to this job?)");
		return take(c, "ANYREACH_TOKEN", token, strlen(token));
	case SOURCE_FILE:
		if (file == NULL || *file == '\0')
			return fail(
			    AC_INVALID, "ANYREACH_TOKEN_FILE is set but empty");
		return from_file(c, file, "ANYREACH_TOKEN_FILE");
	case SOURCE_SYSTEMD:
	default:
		if (systemd_path(path, sizeof(path)) < 0)
			return fail(AC_INVALID, "the systemd credential "
			                        "anyreach-token went away");
		return from_file(c, path, "the systemd credential");
	}
}

enum ac_status
source_fetch(
    const struct store_backend *s, const struct store_filter *f, struct cred *c)
{
	enum source_kind kind = source_in_effect();
	struct cred check = {0};
	enum ac_status st = AC_OK;

	if (api_override())
		st = cred_set_api(&check, api_override());
	cred_clear(&check);
	if (st != AC_OK)
		return fail(AC_INVALID, "ANYREACH_API_URL is not a usable API "
		                        "URL");
	if (kind == SOURCE_KEYRING)
		return s->get(c->profile, f, c);
	st = from_outside(kind, c);
	if (st == AC_OK)
		st = cred_set_api(c, CRED_DEFAULT_API);
	if (st == AC_OK && f && !f->accept(c, f->arg))
		st = AC_NOTFOUND;
	return st;
}

const char *
source_api(const struct cred *c)
{
	return api_override() ? api_override() : c->api;
}

static bool
accept_origin(const struct cred *meta, void *arg)
{
	struct origin_check *oc = arg;
	const char *api = source_api(meta);
	struct origin have;

	oc->seen = true;
	return api && url_parse_origin(api, &have) == 0 &&
	       origin_equal(&have, &oc->want);
}

struct store_filter
source_for_origin(struct origin_check *oc)
{
	struct store_filter f = {accept_origin, oc};

	oc->seen = false;
	return f;
}

static void
warn_if_expiring(const struct cred *c)
{
	char when[EXPIRY_TEXT_MAX];

	if (c->expires_ms <= 0 ||
	    expiry_days_left(c->expires_ms) >= EXPIRY_WARN_DAYS)
		return;
	expiry_format(c->expires_ms, when);
	note("the credential of profile '%s' expires in %lld days (%s); "
	     "rotate it with 'anyreach-cred rotate --profile %s'",
	    c->profile, expiry_days_left(c->expires_ms), when, c->profile);
}

enum ac_status
source_settle(struct cred *c, const char *org_override)
{
	const char *org = org_override ? org_override : env("ANYREACH_ORG_ID");

	if (expiry_passed(c->expires_ms))
		return fail(AC_EXPIRED,
		    "the credential of profile '%s' has expired; create a new "
		    "one and run 'anyreach-cred login --profile %s'",
		    c->profile, c->profile);
	warn_if_expiring(c);
	if (c->kind == CRED_AK) {
		c->org[0] = '\0';
		return org_override ? fail(AC_USAGE,
		                          "profile '%s' holds an org API key, "
		                          "which is bound to its org; drop "
		                          "--org",
		                          c->profile)
		                    : AC_OK;
	}
	if (org)
		return cred_set_org(c, org);
	if (c->org[0] == '\0')
		return fail(AC_USAGE,
		    "profile '%s' holds a personal access token, which needs "
		    "an org: pass --org ORG, set ANYREACH_ORG_ID, or store a "
		    "default with 'anyreach-cred login --org ORG'",
		    c->profile);
	return AC_OK;
}

enum ac_status
source_not_found(const struct cred *c)
{
	return fail(AC_NOTFOUND,
	    "no credential stored for profile '%s'; run 'anyreach-cred login "
	    "--profile %s', or set ANYREACH_TOKEN",
	    c->profile, c->profile);
}

enum ac_status
source_resolve(const struct store_backend *s, const char *profile,
    const char *org, struct cred *c)
{
	struct cred scratch = {0};
	enum ac_status st = cred_set_profile(c, profile);

	/* A bad org fails before the keyring is touched. */
	if (st == AC_OK && org)
		st = cred_set_org(&scratch, org);
	if (st == AC_OK)
		st = source_fetch(s, NULL, c);
	if (st == AC_NOTFOUND)
		return source_not_found(c);
	if (st == AC_OK)
		st = source_settle(c, org);
	return st;
}

enum ac_status
source_default_origin(struct origin *o)
{
	const char *api = api_override();

	if (url_parse_origin(api ? api : CRED_DEFAULT_API, o) < 0)
		return fail(AC_INVALID, "ANYREACH_API_URL is not a valid API "
		                        "URL");
	return AC_OK;
}

enum ac_status
source_new_profile(struct cred *c)
{
	return cred_set_api(
	    c, api_override() ? api_override() : CRED_DEFAULT_API);
}
