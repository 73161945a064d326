#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "secret_attrs.h"

static const SecretSchema schema = {
    .name = ATTRS_SCHEMA_NAME,
    .flags = SECRET_SCHEMA_NONE,
    .attributes =
        {
            {"profile", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"api", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"kind", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"org", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"key_id", SECRET_SCHEMA_ATTRIBUTE_STRING},
            /* a string: epoch ms do not fit the 32-bit integer type */
            {"expires_at", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {NULL, 0},
        },
};

const SecretSchema *
attrs_schema(void)
{
	return &schema;
}

static GHashTable *
new_table(void)
{
	return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

static void
put(GHashTable *t, const char *key, const char *value)
{
	if (value && *value)
		g_hash_table_replace(t, g_strdup(key), g_strdup(value));
}

GHashTable *
attrs_from_cred(const struct cred *c)
{
	GHashTable *t = new_table();
	char ms[24];

	put(t, "profile", c->profile);
	put(t, "api", c->api);
	put(t, "kind", cred_kind_name(c->kind));
	put(t, "org", c->org);
	put(t, "key_id", c->key_id);
	if (c->expires_ms > 0) {
		snprintf(ms, sizeof(ms), "%lld", c->expires_ms);
		put(t, "expires_at", ms);
	}
	return t;
}

GHashTable *
attrs_for_profile(const char *profile)
{
	GHashTable *t = new_table();

	if (profile)
		put(t, "profile", profile);
	return t;
}

static enum ac_status
fill(struct cred *c, const char *key, const char *value)
{
	if (strcmp(key, "profile") == 0)
		return cred_set_profile(c, value);
	if (strcmp(key, "api") == 0)
		return cred_set_api(c, value);
	if (strcmp(key, "kind") == 0)
		return cred_set_kind(c, value);
	if (strcmp(key, "org") == 0)
		return cred_set_org(c, value);
	if (strcmp(key, "key_id") == 0)
		return cred_set_key_id(c, value);
	if (strcmp(key, "expires_at") == 0)
		return cred_set_expiry(c, value);
	return AC_OK; /* xdg:schema and attributes of later versions */
}

enum ac_status
attrs_to_cred(GHashTable *attrs, struct cred *c)
{
	GHashTableIter it;
	gpointer key, value;
	enum ac_status st = AC_OK;

	g_hash_table_iter_init(&it, attrs);
	while (st == AC_OK && g_hash_table_iter_next(&it, &key, &value))
		st = fill(c, key, value);
	if (st == AC_OK && c->api == NULL)
		st = cred_set_api(c, CRED_DEFAULT_API);
	if (st == AC_OK && (c->kind == CRED_NONE || c->profile[0] == '\0'))
		st = fail(AC_INVALID, "keyring item lacks kind or profile");
	return st;
}

bool
attrs_equal(GHashTable *a, GHashTable *b)
{
	for (const SecretSchemaAttribute *s = schema.attributes; s->name; s++) {
		const char *x = g_hash_table_lookup(a, s->name);
		const char *y = g_hash_table_lookup(b, s->name);
		if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
			return false;
	}
	return true;
}
