#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_reply.h"
#include "buf.h"
#include "json_secret.h"

#define MS_THRESHOLD 1e12 /* below: seconds; above: milliseconds */
#define EPOCH_MAX 9007199254740992.0

void
api_printable(char *dst, size_t size, const char *src)
{
	size_t i = 0;

	if (size == 0)
		return;
	for (; src[i] && i + 1 < size; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[i] = src[i];
		if (c < 0x20 || c >= 0x7f)
			dst[i] = '?';
	}
	dst[i] = '\0';
}

static char *
printable_copy(const char *s)
{
	char tmp[API_TEXT_MAX];

	api_printable(tmp, sizeof(tmp), s);
	return buf_strndup(tmp, strlen(tmp));
}

long long
api_epoch_ms(double v)
{
	if (!(v >= 0 && v <= EPOCH_MAX) || v != (double)(long long)v)
		return -1;
	return (long long)(v < MS_THRESHOLD ? v * 1000 : v);
}

/* The first array in an object, for replies wrapped in an envelope. */
static const cJSON *
find_array(const cJSON *item)
{
	if (cJSON_IsArray(item))
		return item;
	if (!cJSON_IsObject(item))
		return NULL;
	for (const cJSON *it = item->child; it; it = it->next)
		if (cJSON_IsArray(it))
			return it;
	return NULL;
}

static int
add_scope(void *arg, const cJSON *it)
{
	struct api_strings *out = arg;
	char **v;

	if (!cJSON_IsString(it) || *it->valuestring == '\0')
		return -1;
	v = realloc(out->v, (out->n + 1) * sizeof(*v));
	if (v == NULL)
		return -1;
	out->v = v;
	out->v[out->n] = printable_copy(it->valuestring);
	return out->v[out->n++] ? 0 : -1;
}

/* Each element of the reply's list through add(out, element); 0, or -1
 * when there is no list or an element is refused. */
static int
each_in_list(
    const char *data, size_t len, int (*add)(void *, const cJSON *), void *out)
{
	cJSON *doc = json_parse_strict(data, len);
	const cJSON *list = find_array(doc);
	int rc = list ? 0 : -1;

	for (const cJSON *it = list ? list->child : NULL; it && rc == 0;
	     it = it->next)
		rc = add(out, it);
	json_delete_wiped(doc);
	return rc;
}

int
api_parse_scopes(const char *data, size_t len, struct api_strings *out)
{
	memset(out, 0, sizeof(*out));
	if (each_in_list(data, len, add_scope, out) == 0)
		return 0;
	api_strings_clear(out);
	return -1;
}

void
api_strings_clear(struct api_strings *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

int
api_parse_error(const char *data, size_t len, char *out, size_t size)
{
	cJSON *doc = json_parse_strict(data, len);
	const cJSON *msg = cJSON_GetObjectItemCaseSensitive(doc, "detail");
	int rc = -1;

	if (!cJSON_IsString(msg))
		msg = cJSON_GetObjectItemCaseSensitive(doc, "error");
	if (cJSON_IsString(msg)) {
		api_printable(out, size, msg->valuestring);
		rc = 0;
	}
	json_delete_wiped(doc);
	return rc;
}

/* expires_at: a number, null or absent [INF: null when it never expires]. */
static int
epoch_field(const cJSON *obj, const char *key, long long *ms)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	*ms = 0;
	if (v == NULL || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsNumber(v))
		return -1;
	*ms = api_epoch_ms(v->valuedouble);
	return *ms < 0 ? -1 : 0;
}

int
api_parse_created(const char *data, size_t len, struct api_created *c)
{
	cJSON *doc = json_parse_strict(data, len);
	const cJSON *key = cJSON_GetObjectItemCaseSensitive(doc, "pat_key");
	int rc = -1;

	memset(c, 0, sizeof(*c));
	if (cJSON_IsString(key) &&
	    epoch_field(doc, "expires_at", &c->expires_ms) == 0) {
		c->pat_key =
		    buf_strndup(key->valuestring, strlen(key->valuestring));
		rc = c->pat_key ? 0 : -1;
	}
	json_delete_wiped(doc);
	return rc;
}

void
api_created_clear(struct api_created *c)
{
	if (c->pat_key) {
		explicit_bzero(c->pat_key, strlen(c->pat_key));
		free(c->pat_key);
	}
	memset(c, 0, sizeof(*c));
}

/* created_at: an ISO-8601 string or an epoch number [INF: either]. */
static char *
created_text(const cJSON *row)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, "created_at");
	char num[32];

	if (cJSON_IsString(v))
		return printable_copy(v->valuestring);
	if (cJSON_IsNumber(v) && api_epoch_ms(v->valuedouble) >= 0) {
		snprintf(
		    num, sizeof(num), "%lld", api_epoch_ms(v->valuedouble));
		return printable_copy(num);
	}
	return printable_copy("-");
}

static int
add_key(void *arg, const cJSON *row)
{
	struct api_keys *out = arg;
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(row, "key_id");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(row, "name");
	struct api_key *k;
	struct api_key *v;

	if (!cJSON_IsObject(row) || !cJSON_IsString(id))
		return -1;
	v = realloc(out->v, (out->n + 1) * sizeof(*v));
	if (v == NULL)
		return -1;
	out->v = v;
	k = &out->v[out->n++];
	memset(k, 0, sizeof(*k));
	k->key_id = printable_copy(id->valuestring);
	k->name = printable_copy(cJSON_IsString(name) ? name->valuestring : "");
	k->raw_name = cJSON_IsString(name) ? buf_strndup(name->valuestring,
	                                         strlen(name->valuestring))
	                                   : buf_strndup("", 0);
	k->created = created_text(row);
	if (!k->key_id || !k->name || !k->raw_name || !k->created)
		return -1;
	return epoch_field(row, "expires_at", &k->expires_ms);
}

int
api_parse_keys(const char *data, size_t len, struct api_keys *out)
{
	memset(out, 0, sizeof(*out));
	if (each_in_list(data, len, add_key, out) == 0)
		return 0;
	api_keys_clear(out);
	return -1;
}

void
api_keys_clear(struct api_keys *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].key_id);
		free(k->v[i].name);
		free(k->v[i].raw_name);
		free(k->v[i].created);
	}
	free(k->v);
	k->v = NULL;
	k->n = 0;
}
