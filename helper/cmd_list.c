#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "expiry.h"
#include "msg.h"
#include "output.h"

static void
add_string(cJSON *o, const char *key, const char *value)
{
	if (value && *value)
		cJSON_AddStringToObject(o, key, value);
	else
		cJSON_AddNullToObject(o, key);
}

static cJSON *
to_json(const struct cred *c)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "profile", c->profile);
	cJSON_AddStringToObject(o, "kind", cred_kind_name(c->kind));
	add_string(o, "key_id", c->key_id);
	add_string(o, "org", c->org);
	add_string(o, "api", c->api);
	if (c->expires_ms > 0)
		cJSON_AddNumberToObject(o, "expires_at", (double)c->expires_ms);
	else
		cJSON_AddNullToObject(o, "expires_at");
	return o;
}

static enum ac_status
print_json(const struct cred_list *l)
{
	cJSON *arr = cJSON_CreateArray();
	char *text;
	enum ac_status st;

	for (size_t i = 0; i < l->n; i++)
		cJSON_AddItemToArray(arr, to_json(&l->v[i]));
	text = cJSON_Print(arr);
	cJSON_Delete(arr);
	if (text == NULL)
		return fail(AC_FAILURE, "out of memory");
	st = output_write(text, strlen(text));
	if (st == AC_OK)
		st = output_write("\n", 1);
	cJSON_free(text);
	return st;
}

static void
print_row(const struct cred *c)
{
	char exp[EXPIRY_TEXT_MAX];

	expiry_describe(c->expires_ms, exp);
	printf("%-16s %-4s %-14s %-20s %-36s %s\n", c->profile,
	    cred_kind_name(c->kind), c->key_id ? c->key_id : "-",
	    c->org[0] ? c->org : "-", exp, c->api);
}

enum ac_status
cmd_list(const struct cli *cli, const struct store_backend *s)
{
	struct cred_list l = {0};
	enum ac_status st = s->list(&l);

	if (st == AC_OK && cli->json)
		st = print_json(&l);
	else if (st == AC_OK && l.n == 0)
		note("no credentials stored; run 'anyreach-cred login'");
	else if (st == AC_OK) {
		printf("%-16s %-4s %-14s %-20s %-36s %s\n", "PROFILE", "KIND",
		    "KEY ID", "ORG", "EXPIRES", "API");
		for (size_t i = 0; i < l.n; i++)
			print_row(&l.v[i]);
		st = output_finish();
	}
	cred_list_clear(&l);
	return st;
}
