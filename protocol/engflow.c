#include <stdlib.h>
#include <string.h>

#include "engflow.h"
#include "json_secret.h"

static int
count_key(const cJSON *obj, const char *key)
{
	int n = 0;

	for (const cJSON *it = obj ? obj->child : NULL; it; it = it->next)
		n += strcmp(it->string, key) == 0;
	return n;
}

char *
engflow_parse_request(const char *data, size_t len, const char **why)
{
	cJSON *obj =
	    len <= ENGFLOW_INPUT_MAX ? json_parse_strict(data, len) : NULL;
	const cJSON *uri = cJSON_GetObjectItemCaseSensitive(obj, "uri");
	char *copy = NULL;

	if (!cJSON_IsObject(obj))
		*why = "the request is not one JSON object";
	else if (count_key(obj, "uri") > 1)
		*why = "the request has \"uri\" twice";
	else if (!cJSON_IsString(uri) || *uri->valuestring == '\0')
		*why = "the request has no \"uri\" string";
	else if ((copy = strdup(uri->valuestring)) == NULL)
		*why = "out of memory";
	json_delete_wiped(obj);
	return copy;
}

/* name: [value] in headers; false if out of memory. */
static int
add_header(cJSON *headers, const char *name, const char *value)
{
	cJSON *list = cJSON_AddArrayToObject(headers, name);
	cJSON *item = cJSON_CreateString(value);

	if (list == NULL || item == NULL) {
		cJSON_Delete(item);
		return -1;
	}
	cJSON_AddItemToArray(list, item);
	return 0;
}

static int
fill(cJSON *o, const struct bearer *b, struct buf *auth)
{
	cJSON *headers = cJSON_AddObjectToObject(o, "headers");
	char when[BEARER_TIME_MAX];

	if (headers == NULL || buf_adds(auth, "Bearer ") < 0 ||
	    buf_adds(auth, b->token) < 0 ||
	    add_header(headers, "Authorization", auth->data) < 0 ||
	    (b->org && add_header(headers, "X-Anyreach-Org", b->org) < 0))
		return -1;
	if (b->expires_ms > 0 &&
	    (bearer_rfc3339(b->expires_ms, when) < 0 ||
	        cJSON_AddStringToObject(o, "expires", when) == NULL))
		return -1;
	return 0;
}

int
engflow_response(const struct bearer *b, struct buf *out)
{
	cJSON *o = cJSON_CreateObject();
	struct buf auth = BUF_INIT(8192);
	int rc = -1;

	if (bearer_ok(b) && o && fill(o, b, &auth) == 0)
		rc = json_print_wiped(o, out);
	buf_release(&auth);
	json_delete_wiped(o);
	return rc;
}
