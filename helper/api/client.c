#include <cjson/cJSON.h>
#include <string.h>
#include <strings.h>

#include "../../protocol/json_secret.h"
#include "../msg.h"
#include "../source.h"
#include "client.h"
#include "http.h"
#include "paths.h"

static bool
contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

static enum ac_status
redirected(const struct cred *c, const struct http_response *rs)
{
	struct origin o;
	const char *where = url_request_origin(rs->location, &o) == 0
	                        ? o.host
	                        : "an address that is not a valid URL";

	return fail(AC_SERVER,
	    "%s answered with a redirect (HTTP %ld) to %s; redirects are not "
	    "followed, so the credential was not sent there",
	    source_api(c), rs->status, where);
}

/* One message and exit code for each HTTP outcome. */
static enum ac_status
outcome(const struct cred *c, const char *method,
    const struct http_response *rs, const char *doing)
{
	char detail[API_TEXT_MAX] = "no details";

	if (rs->status >= 200 && rs->status < 300)
		return AC_OK;
	if (rs->status >= 300 && rs->status < 400)
		return redirected(c, rs);
	if (rs->body.len)
		api_parse_error(
		    rs->body.data, rs->body.len, detail, sizeof(detail));
	if (rs->status == 401 && contains_nocase(detail, API_ORG_CLAIM_TEXT))
		return fail(AC_USAGE,
		    "the API got no org with the personal access token of "
		    "profile '%s' while %s; give one with --org, "
		    "ANYREACH_ORG_ID or 'anyreach-cred login --org'",
		    c->profile, doing);
	if (rs->status == 401)
		return fail(AC_REJECTED,
		    "the API rejected the credential of profile '%s' while %s "
		    "(invalid, expired or revoked: %s); create a new key and "
		    "log in again",
		    c->profile, doing, detail);
	if (rs->status == 403)
		return fail(AC_FORBIDDEN,
		    "the credential of profile '%s' is valid but may not do "
		    "this (%s while %s); ask an org admin for the scope",
		    c->profile, detail, doing);
	if (rs->status == 404 && strcmp(method, "DELETE") == 0)
		return fail(AC_NOTFOUND, "no such key: %s", detail);
	return fail(AC_SERVER, "the API failed while %s (HTTP %ld: %s)", doing,
	    rs->status, detail);
}

static enum ac_status
call(const struct cred *c, const char *method, const char *path,
    const char *json, struct http_response *rs, const char *doing)
{
	struct bearer b = cred_bearer(c);
	struct http_request rq = {method, source_api(c), path, &b, json};
	enum ac_status st = http_send(&rq, rs);

	return st == AC_OK ? outcome(c, method, rs, doing) : st;
}

static enum ac_status
unusable(const struct cred *c, const char *what)
{
	return fail(AC_SERVER, "%s answered %s with something unusable",
	    source_api(c), what);
}

enum ac_status
api_scopes(const struct cred *c, struct api_strings *out)
{
	struct http_response rs;
	enum ac_status st = call(
	    c, "GET", API_PATH_SCOPES, NULL, &rs, "checking the credential");

	if (st == AC_OK && api_parse_scopes(rs.body.data, rs.body.len, out) < 0)
		st = unusable(c, "the scope list");
	http_response_clear(&rs);
	return st;
}

static char *
create_body(const char *name, long long expires_ms)
{
	cJSON *o = cJSON_CreateObject();
	char *text = NULL;

	if (o && cJSON_AddStringToObject(o, "name", name) &&
	    (expires_ms > 0 ? cJSON_AddNumberToObject(
	                          o, "expires_at", (double)expires_ms)
	                    : cJSON_AddNullToObject(o, "expires_at")))
		text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return text;
}

/* Never retried: a second POST could make a second live key. */
enum ac_status
api_create_key(const struct cred *c, const char *name, long long expires_ms,
    struct api_created *out)
{
	struct http_response rs;
	char *body = create_body(name, expires_ms);
	enum ac_status st;

	if (body == NULL)
		return fail(AC_FAILURE, "out of memory");
	st = call(c, "POST", API_PATH_KEYS, body, &rs, "creating a key");
	if (st == AC_OK &&
	    api_parse_created(rs.body.data, rs.body.len, out) < 0)
		st = unusable(c, "the new key");
	http_response_clear(&rs);
	cJSON_free(body);
	return st;
}

enum ac_status
api_list_keys(const struct cred *c, struct api_keys *out)
{
	struct http_response rs;
	enum ac_status st =
	    call(c, "GET", API_PATH_KEYS, NULL, &rs, "listing keys");

	if (st == AC_OK && api_parse_keys(rs.body.data, rs.body.len, out) < 0)
		st = unusable(c, "the key list");
	http_response_clear(&rs);
	return st;
}

bool
api_key_id_ok(const char *key_id)
{
	size_t n = strlen(key_id);

	return n >= 1 && n <= 128 &&
	       strspn(key_id,
	           "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	           "0123456789._~-") == n;
}

enum ac_status
api_delete_key(const struct cred *c, const char *key_id)
{
	struct buf path = BUF_INIT(512);
	struct http_response rs;
	enum ac_status st;

	if (!api_key_id_ok(key_id))
		return fail(AC_INVALID, "a key id is 1-128 of A-Z a-z 0-9 . _ "
		                        "~ -");
	if (buf_adds(&path, API_PATH_KEY_PREFIX) < 0 ||
	    buf_adds(&path, key_id) < 0)
		return fail(AC_FAILURE, "out of memory");
	st = call(c, "DELETE", path.data, NULL, &rs, "deleting a key");
	http_response_clear(&rs);
	buf_release(&path);
	return st;
}
