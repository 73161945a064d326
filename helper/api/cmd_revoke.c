/*
 * logout --revoke: delete the profile's key on the server, then remove it
 * from the keyring.  If the server delete fails, the keyring keeps the key
 * so the command can be run again; a key the server already rejects (401)
 * is dead anyway and is removed here too.
 */
#include <string.h>

#include "../msg.h"
#include "../source.h"
#include "client.h"
#include "commands.h"
#include "key_lookup.h"

static enum ac_status
delete_on_server(const struct cred *c)
{
	struct key_row row;
	enum ac_status st = key_find(c, c->key_id, &row);

	if (st == AC_NOTFOUND)
		return fail(AC_NOTFOUND,
		    "key %s works but is not in the server's key list, so it "
		    "cannot be deleted from here; delete it in the dashboard",
		    c->key_id);
	if (st == AC_OK)
		st = api_delete_key(c, row.key_id);
	if (st == AC_REJECTED) {
		note("key %s is already unusable on the server; removing it "
		     "here",
		    c->key_id);
		st = AC_OK;
	}
	return st;
}

enum ac_status
api_revoke(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	enum ac_status st = cred_set_profile(&c, cli_profile(cli));

	if (st == AC_OK && source_in_effect() != SOURCE_KEYRING)
		st = fail(AC_USAGE, "logout works on a stored profile, not on "
		                    "ANYREACH_TOKEN or a token file");
	if (st == AC_OK)
		st = source_fetch(s, NULL, &c);
	if (st == AC_NOTFOUND)
		st = source_not_found(&c);
	/* A 401 from another server must not make us erase this key. */
	if (st == AC_OK && strcmp(source_api(&c), c.api) != 0)
		st = fail(AC_USAGE,
		    "ANYREACH_API_URL differs from the API URL "
		    "of profile '%s'; unset it to revoke",
		    c.profile);
	if (st == AC_OK && c.kind != CRED_AK)
		st = fail(AC_USAGE,
		    "profile '%s' holds a personal access token, which the API "
		    "cannot revoke; delete it in the dashboard (Account, "
		    "Tokens), then run 'anyreach-cred logout'",
		    c.profile);
	if (st == AC_OK) {
		st = delete_on_server(&c);
		if (st != AC_OK)
			note(
			    "profile '%s' stays in the keyring, so you can try "
			    "again",
			    c.profile);
	}
	/* Only the key that was revoked: a login meanwhile stays. */
	if (st == AC_OK)
		st = s->erase(c.profile, c.token);
	if (st == AC_OK)
		note("revoked key %s and removed profile '%s' from the keyring",
		    c.key_id, c.profile);
	cred_clear(&c);
	return st;
}
