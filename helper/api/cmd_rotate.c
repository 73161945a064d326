/*
 * rotate: replace a profile's org API key without a moment where nothing
 * works.  The new key is created, checked against the API, stored (which
 * replaces the old one atomically), and only then is the old key deleted
 * on the server.  On any failure before the store, the new key is deleted
 * again and the old one stays in the keyring and on the server; each
 * message says in what state things are.
 */
#include <string.h>

#include "../expiry.h"
#include "../msg.h"
#include "../source.h"
#include "client.h"
#include "commands.h"
#include "key_lookup.h"
#include "new_key.h"

/* The stored org API key to rotate, and its row in the server's list. */
static enum ac_status
old_key(const struct cli *cli, const struct store_backend *s, struct cred *old,
    struct key_row *row)
{
	enum ac_status st;

	if (source_in_effect() != SOURCE_KEYRING)
		return fail(AC_USAGE, "rotate works on a stored profile, not "
		                      "on ANYREACH_TOKEN or a token file");
	st = source_resolve(s, cli_profile(cli), NULL, old);
	if (st == AC_OK && old->kind != CRED_AK)
		return fail(AC_USAGE,
		    "profile '%s' holds a personal access token, which the API "
		    "cannot rotate; make a new one in the dashboard (Account, "
		    "Tokens) and log in with it",
		    old->profile);
	if (st != AC_OK)
		return st;
	st = key_find(old, old->key_id, row);
	if (st == AC_NOTFOUND)
		st = fail(AC_NOTFOUND,
		    "key %s of profile '%s' is not in the server's list; "
		    "nothing was changed",
		    old->key_id, old->profile);
	return st;
}

/* Check the new key with the API and store it; if either fails, delete it
 * on the server again. */
static enum ac_status
check_and_store(
    const struct store_backend *s, const struct cred *old, struct cred *made)
{
	struct api_strings scopes = {0};
	enum ac_status st = api_scopes(made, &scopes);

	api_strings_clear(&scopes);
	if (st == AC_OK)
		st = s->put(made);
	if (st != AC_OK) {
		key_discard(old, made);
		note("profile '%s' still uses its old key %s, which stays live",
		    old->profile, old->key_id);
	}
	return st;
}

/* An old key that expires passes its expiry policy on only by being
 * asked: a new key must not silently become one that never expires. */
static enum ac_status
new_expiry(const struct cli *cli, const struct cred *old, long long *ms)
{
	char when[EXPIRY_TEXT_MAX];

	if (cli->expires || old->expires_ms <= 0)
		return new_key_expiry(cli, ms);
	expiry_format(old->expires_ms, when);
	return fail(AC_USAGE,
	    "the key of profile '%s' expires (%s); give the new one an "
	    "expiry with --expires 90d, --expires YYYY-MM-DD or --expires "
	    "never; nothing was changed",
	    old->profile, when);
}

enum ac_status
api_rotate(const struct cli *cli, const struct store_backend *s)
{
	struct cred old = {0}, made = {0};
	struct key_row row;
	long long expires = 0;
	enum ac_status st = cli->name ? new_key_name_ok(cli->name) : AC_OK;

	if (st == AC_OK)
		st = old_key(cli, s, &old, &row);
	if (st == AC_OK)
		st = new_expiry(cli, &old, &expires);
	if (st == AC_OK)
		st = cred_set_profile(&made, old.profile);
	if (st == AC_OK) {
		st = new_key_create(
		    &old, cli->name ? cli->name : row.name, expires, &made);
		if (st != AC_OK)
			note("profile '%s' still uses its old key %s",
			    old.profile, old.key_id);
	}
	if (st == AC_OK)
		st = check_and_store(s, &old, &made);
	if (st == AC_OK) {
		/* The new key is in use; the delete reports its own failure. */
		st = api_delete_key(&old, row.key_id);
		if (st != AC_OK)
			note("profile '%s' now uses the new key %s, which "
			     "works; "
			     "the old key %s is still live on the server: "
			     "delete it with 'anyreach-cred keys delete %s'",
			    made.profile, made.key_id, row.key_id, row.key_id);
		else
			note("rotated profile '%s': new key %s in use, old key "
			     "%s deleted on the server",
			    made.profile, made.key_id, row.key_id);
	}
	cred_clear(&old);
	cred_clear(&made);
	return st;
}
