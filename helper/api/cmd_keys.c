/* keys create | list | delete: managing org API keys through the API. */
#include <stdio.h>
#include <string.h>

#include "../../protocol/json_secret.h"
#include "../expiry.h"
#include "../msg.h"
#include "../output.h"
#include "../source.h"
#include "client.h"
#include "commands.h"
#include "key_lookup.h"
#include "new_key.h"

/* The profile a new key goes to: --store-as, else its name; never one
 * that exists, whose own key would then be left live and forgotten. */
static enum ac_status
pick_target(
    const struct cli *cli, const struct store_backend *s, struct cred *target)
{
	const char *p = cli->store_as ? cli->store_as : cli->name;
	struct cred_list l = {0};
	enum ac_status st;

	if (p == NULL || !grammar_is_profile(p, strlen(p)))
		return fail(AC_USAGE, "give --store-as PROFILE: the key name "
		                      "is not a valid profile name");
	st = cred_set_profile(target, p);
	if (st == AC_OK)
		st = s->list(&l);
	for (size_t i = 0; st == AC_OK && i < l.n; i++)
		if (strcmp(l.v[i].profile, target->profile) == 0)
			st = fail(AC_USAGE,
			    "profile '%s' already holds a credential; pick "
			    "another --store-as, or use 'anyreach-cred rotate'",
			    target->profile);
	cred_list_clear(&l);
	return st;
}

static enum ac_status
keys_create(
    const struct cli *cli, const struct store_backend *s, struct cred *auth)
{
	struct cred made = {0};
	long long expires = 0;
	enum ac_status st = cli->name ? new_key_name_ok(cli->name)
	                              : fail(AC_USAGE, "keys create needs "
	                                               "--name NAME");

	if (st == AC_OK)
		st = new_key_expiry(cli, &expires);
	if (st == AC_OK)
		st = pick_target(cli, s, &made);
	if (st == AC_OK)
		st = source_resolve(s, cli_profile(cli), cli->org, auth);
	if (st == AC_OK)
		st = new_key_create(auth, cli->name, expires, &made);
	if (st == AC_OK) {
		st = s->put(&made);
		if (st != AC_OK)
			key_discard(auth, &made);
	}
	if (st == AC_OK)
		note("created org API key %s and stored it as profile '%s' "
		     "(it is not shown; use it with --profile %s)",
		    made.key_id, made.profile, made.profile);
	cred_clear(&made);
	return st;
}

static void
print_keys(const struct api_keys *k)
{
	char exp[EXPIRY_TEXT_MAX];

	printf(
	    "%-14s %-24s %-36s %s\n", "KEY ID", "NAME", "EXPIRES", "CREATED");
	for (size_t i = 0; i < k->n; i++) {
		expiry_describe(k->v[i].expires_ms, exp);
		printf("%-14s %-24s %-36s %s\n", k->v[i].key_id, k->v[i].name,
		    exp, k->v[i].created);
	}
}

static enum ac_status
print_keys_json(const struct api_keys *k)
{
	cJSON *arr = cJSON_CreateArray();
	struct buf out = BUF_INIT((size_t)1024 * 1024);

	for (size_t i = 0; arr && i < k->n; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "key_id", k->v[i].key_id);
		cJSON_AddStringToObject(o, "name", k->v[i].name);
		if (k->v[i].expires_ms > 0)
			cJSON_AddNumberToObject(
			    o, "expires_at", (double)k->v[i].expires_ms);
		else
			cJSON_AddNullToObject(o, "expires_at");
		cJSON_AddStringToObject(o, "created_at", k->v[i].created);
		cJSON_AddItemToArray(arr, o);
	}
	enum ac_status st =
	    output_reply(json_print_wiped(arr, &out), &out, "the key list");

	json_delete_wiped(arr);
	return st;
}

static enum ac_status
keys_list(
    const struct cli *cli, const struct store_backend *s, struct cred *auth)
{
	struct api_keys keys = {0};
	enum ac_status st = source_resolve(s, cli_profile(cli), cli->org, auth);

	if (st == AC_OK)
		st = api_list_keys(auth, &keys);
	if (st == AC_OK && cli->json)
		st = print_keys_json(&keys);
	else if (st == AC_OK) {
		print_keys(&keys);
		st = output_finish();
	}
	api_keys_clear(&keys);
	return st;
}

static enum ac_status
keys_delete(
    const struct cli *cli, const struct store_backend *s, struct cred *auth)
{
	const char *id = cli->nargs == 2 ? cli->args[1] : NULL;
	enum ac_status st =
	    id && api_key_id_ok(id)
	        ? source_resolve(s, cli_profile(cli), cli->org, auth)
	        : fail(AC_USAGE, "keys delete takes one KEY_ID, as 'keys list' "
	                         "shows it");

	if (st == AC_OK)
		st = api_delete_key(auth, id);
	if (st == AC_OK)
		note("deleted key %s on the server; requests with it now fail",
		    id);
	return st;
}

enum ac_status
api_keys(const struct cli *cli, const struct store_backend *s)
{
	static const struct {
		const char *name;
		enum ac_status (*run)(const struct cli *,
		    const struct store_backend *, struct cred *);
	} subs[] = {{"create", keys_create}, {"list", keys_list},
	    {"delete", keys_delete}};
	struct cred auth = {0};
	enum ac_status st;

	for (size_t i = 0; cli->nargs > 0 && i < sizeof(subs) / sizeof(*subs);
	     i++) {
		if (strcmp(cli->args[0], subs[i].name) != 0)
			continue;
		st = subs[i].run(cli, s, &auth);
		cred_clear(&auth);
		return st;
	}
	return fail(AC_USAGE, "usage: anyreach-cred keys create|list|delete; "
	                      "see 'anyreach-cred help keys'");
}
