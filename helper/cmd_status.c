#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "expiry.h"
#include "msg.h"
#include "output.h"
#include "source.h"
#include "store_cache.h"
#include "store_choice.h"

static const char *
profile_source(const struct cli *cli)
{
	const char *env = getenv("ANYREACH_PROFILE");

	if (cli->profile)
		return "--profile";
	return env && *env ? "ANYREACH_PROFILE" : "default";
}

static void
print_org(const struct cred *c)
{
	const char *env = getenv("ANYREACH_ORG_ID");

	if (c->kind == CRED_AK)
		printf("org:      none sent (an org API key is bound to its "
		       "org)\n");
	else if (env && *env)
		printf("org:      %s (from ANYREACH_ORG_ID)\n",
		    grammar_is_org_id(env, strlen(env)) ? env : "invalid");
	else if (c->org[0])
		printf("org:      %s (stored default)\n", c->org);
	else
		printf("org:      none: give --org or set ANYREACH_ORG_ID\n");
}

static void
print_cred(const struct cred *c)
{
	char exp[EXPIRY_TEXT_MAX];

	expiry_describe(c->expires_ms, exp);
	if (c->kind == CRED_AK)
		printf("token:    org API key %s\n", c->key_id);
	else
		printf("token:    personal access token\n");
	print_org(c);
	printf("api:      %s\n", c->api);
	printf("expires:  %s\n", exp);
}

/* The cache in front of the Secret Service, and whether it holds the
 * profile now (without reading it). */
static void
print_cache(const char *profile)
{
	const struct store_backend *kernel = NULL;
	unsigned ttl = store_cache_ttl();

	if (store_chosen(&kernel) != AC_OK || kernel)
		return;
	if (ttl == 0)
		printf("cache:    off\n");
	else
		printf("cache:    %u s in the kernel user keyring; %s\n", ttl,
		    store_cache_holds(profile) ? "holds this profile now"
		                               : "does not hold this profile");
}

/* From the keyring, status reads only the non-secret attributes, so it
 * works, and says what is stored, even while the keyring is locked. */
static enum ac_status
from_keyring(const struct store_backend *s, const char *profile)
{
	struct cred_list l = {0};
	const struct cred *found = NULL;
	enum ac_status st = s->list(&l);

	printf("store:    %s\n", s->name);
	print_cache(profile);
	for (size_t i = 0; st == AC_OK && i < l.n; i++)
		if (strcmp(l.v[i].profile, profile) == 0)
			found = &l.v[i];
	if (found)
		print_cred(found);
	else if (st == AC_OK) {
		printf("stored:   nothing\n");
		st = fail(AC_NOTFOUND,
		    "no credential stored for profile '%s'; run 'anyreach-cred "
		    "login --profile %s'",
		    profile, profile);
	}
	cred_list_clear(&l);
	return st;
}

/* A token from CI: validated like any other, never printed. */
static enum ac_status
from_outside(const struct store_backend *s, const char *profile)
{
	struct cred c = {0};
	enum ac_status st = cred_set_profile(&c, profile);

	if (st == AC_OK)
		st = source_fetch(s, NULL, &c);
	if (st == AC_OK)
		print_cred(&c);
	cred_clear(&c);
	return st;
}

enum ac_status
cmd_status(const struct cli *cli, const struct store_backend *s)
{
	const char *profile = cli_profile(cli);
	enum source_kind src = source_in_effect();
	enum ac_status st;

	if (!grammar_is_profile(profile, strlen(profile)))
		return fail(AC_INVALID, "profile names are 1-64 of A-Z a-z 0-9 "
		                        ". _ - and do not start with . or -");
	printf("profile:  %s (from %s)\n", profile, profile_source(cli));
	printf("source:   %s%s\n", source_name(src),
	    src == SOURCE_KEYRING ? "" : " (the keyring is not used)");
	printf("order:    ANYREACH_TOKEN, ANYREACH_TOKEN_FILE, "
	       "$CREDENTIALS_DIRECTORY/anyreach-token, keyring\n");
	st = src == SOURCE_KEYRING ? from_keyring(s, profile)
	                           : from_outside(s, profile);
	if (st == AC_OK || st == AC_NOTFOUND) {
		enum ac_status out = output_finish();
		st = out == AC_OK ? st : out;
	}
	return st;
}
