#include <stdio.h>
#include <string.h>

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
            {ATTRS_STORED_KEY, SECRET_SCHEMA_ATTRIBUTE_STRING},
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
	snprintf(ms, sizeof(ms), "%lld", (long long)(g_get_real_time() / 1000));
	put(t, ATTRS_STORED_KEY, ms);
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

enum ac_status
attrs_to_cred(GHashTable *attrs, struct cred *c)
{
	GHashTableIter it;
	gpointer key, value;
	enum ac_status st = AC_OK;

	g_hash_table_iter_init(&it, attrs);
	while (st == AC_OK && g_hash_table_iter_next(&it, &key, &value))
		st = cred_attr_set(c, key, value);
	return st == AC_OK ? cred_attrs_done(c) : st;
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
