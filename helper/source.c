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

enum source_kind
source_in_effect(void)
{
	char path[4096];

	if (env("ANYREACH_TOKEN"))
		return SOURCE_ENV;
	if (env("ANYREACH_TOKEN_FILE"))
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
	const char *token = env("ANYREACH_TOKEN");

	switch (kind) {
	case SOURCE_ENV:
		return take(c, "ANYREACH_TOKEN", token, strlen(token));
	case SOURCE_FILE:
		return from_file(
		    c, env("ANYREACH_TOKEN_FILE"), "ANYREACH_TOKEN_FILE");
	case SOURCE_SYSTEMD:
	default:
		if (systemd_path(path, sizeof(path)) < 0)
			return fail(AC_INVALID, "the systemd credential "
			                        "anyreach-token went away");
		return from_file(c, path, "the systemd credential");
	}
}

enum ac_status
source_fetch(const struct store_backend *s, struct cred *c)
{
	enum source_kind kind = source_in_effect();
	const char *api = env("ANYREACH_API_URL");
	enum ac_status st = kind == SOURCE_KEYRING ? s->get(c->profile, c)
	                                           : from_outside(kind, c);

	if (st == AC_OK && (api || c->api == NULL))
		st = cred_set_api(c, api ? api : CRED_DEFAULT_API);
	return st;
}

enum ac_status
source_origin(const struct cred *c, struct origin *o)
{
	if (c->api == NULL || url_parse_origin(c->api, o) < 0)
		return fail(AC_INVALID,
		    "the API URL of profile '%s' is "
		    "invalid",
		    c->profile);
	return AC_OK;
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
		st = source_fetch(s, c);
	if (st == AC_NOTFOUND)
		return source_not_found(c);
	if (st == AC_OK)
		st = source_settle(c, org);
	return st;
}

enum ac_status
source_default_origin(struct origin *o)
{
	const char *api = env("ANYREACH_API_URL");

	if (url_parse_origin(api ? api : CRED_DEFAULT_API, o) < 0)
		return fail(AC_INVALID, "ANYREACH_API_URL is not a valid API "
		                        "URL");
	return AC_OK;
}

enum ac_status
source_new_profile(struct cred *c)
{
	const char *api = env("ANYREACH_API_URL");

	return cred_set_api(c, api ? api : CRED_DEFAULT_API);
}
