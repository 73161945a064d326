#include <stdio.h>
#include <string.h>

#include "../msg.h"
#include "client.h"
#include "key_lookup.h"

static bool
is_prefix(const char *prefix, const char *s)
{
	return *prefix && strncmp(prefix, s, strlen(prefix)) == 0;
}

enum ac_status
key_find(const struct cred *auth, const char *key_id, struct key_row *row)
{
	struct api_keys keys = {0};
	const struct api_key *hit = NULL;
	size_t hits = 0;
	enum ac_status st = api_list_keys(auth, &keys);

	for (size_t i = 0; st == AC_OK && i < keys.n; i++)
		if (is_prefix(keys.v[i].key_id, key_id)) {
			hit = &keys.v[i];
			hits++;
		}
	if (st == AC_OK && hits > 1)
		st = fail(AC_SERVER,
		    "%zu keys in the list match key %s; not "
		    "guessing which",
		    hits, key_id);
	else if (st == AC_OK && hit == NULL)
		st = AC_NOTFOUND;
	else if (st == AC_OK && !api_key_id_ok(hit->key_id))
		st = fail(AC_SERVER, "the key list holds an unusable key id");
	if (st == AC_OK) {
		snprintf(row->key_id, sizeof(row->key_id), "%s", hit->key_id);
		snprintf(row->name, sizeof(row->name), "%s", hit->raw_name);
	}
	api_keys_clear(&keys);
	return st;
}

void
key_discard(const struct cred *auth, const struct cred *created)
{
	struct key_row row;
	enum ac_status st = key_find(auth, created->key_id, &row);

	if (st == AC_OK)
		st = api_delete_key(auth, row.key_id);
	if (st == AC_OK)
		note("the new key %s was deleted on the server again, so no "
		     "unused key stays live",
		    created->key_id);
	else
		note(
		    "the new key %s could not be deleted on the server; delete "
		    "it in the dashboard (API Keys) or with 'anyreach-cred "
		    "keys delete'",
		    created->key_id);
}
