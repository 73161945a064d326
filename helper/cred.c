#include <stdlib.h>
#include <string.h>

#include "../protocol/url.h"
#include "cred.h"
#include "msg.h"
#include "xalloc.h"

#define EXPIRY_MAX 9007199254740992LL /* 2^53, the largest exact JSON int */

/* The structure inside the b64token: ak_<id>.<secret> or pat_<rest>. */
static const char *
split_token(const char *t, size_t len, enum cred_kind *kind, size_t *id_len)
{
	const char *dot;

	if (len > 4 && strncmp(t, "pat_", 4) == 0) {
		*kind = CRED_PAT;
		return NULL;
	}
	if (len < 3 || strncmp(t, "ak_", 3) != 0)
		return "expected an org API key ak_<id>.<secret> or a personal "
		       "access token pat_...";
	dot = memchr(t + 3, '.', len - 3);
	if (dot == NULL)
		return "an org API key has the form ak_<id>.<secret>";
	if (dot == t + 3 || dot == t + len - 1)
		return "the <id> and <secret> of ak_<id>.<secret> must not be "
		       "empty";
	*kind = CRED_AK;
	*id_len = (size_t)(dot - (t + 3));
	return NULL;
}

static const char *
token_problem(const char *t, size_t len, enum cred_kind *kind, size_t *id_len)
{
	if (len > GRAMMAR_TOKEN_MAX)
		return "longer than 4096 bytes";
	if (!grammar_is_b64token(t, len))
		return "only A-Z a-z 0-9 - . _ ~ + / and trailing = may appear "
		       "(RFC 6750 b64token)";
	return split_token(t, len, kind, id_len);
}

const char *
cred_token_problem(const char *token, size_t len)
{
	enum cred_kind kind;
	size_t id_len;

	return token_problem(token, len, &kind, &id_len);
}

static void
wipe_token(struct cred *c)
{
	if (c->token) {
		explicit_bzero(c->token, strlen(c->token));
		free(c->token);
	}
	free(c->key_id);
	c->token = NULL;
	c->key_id = NULL;
}

enum ac_status
cred_set_token(struct cred *c, const char *token, size_t len)
{
	enum cred_kind kind = CRED_NONE;
	size_t id_len = 0;
	const char *why = token_problem(token, len, &kind, &id_len);

	if (why)
		return fail(AC_INVALID, "token refused: %s", why);
	wipe_token(c);
	c->kind = kind;
	c->token = xmemdup(token, len);
	if (kind == CRED_AK)
		c->key_id = xmemdup(token + 3, id_len);
	return AC_OK;
}

enum ac_status
cred_set_kind(struct cred *c, const char *name)
{
	if (strcmp(name, "ak") == 0)
		c->kind = CRED_AK;
	else if (strcmp(name, "pat") == 0)
		c->kind = CRED_PAT;
	else
		return fail(AC_INVALID, "unknown credential kind in keyring");
	return AC_OK;
}

enum ac_status
cred_set_key_id(struct cred *c, const char *key_id)
{
	if (!grammar_is_b64token(key_id, strlen(key_id)))
		return fail(AC_INVALID, "malformed key id in keyring");
	free(c->key_id);
	c->key_id = xmemdup(key_id, strlen(key_id));
	return AC_OK;
}

enum ac_status
cred_set_profile(struct cred *c, const char *profile)
{
	size_t len = strlen(profile);

	if (!grammar_is_profile(profile, len))
		return fail(AC_INVALID,
		    "profile names are 1-64 of A-Z a-z 0-9 . _ - and do not "
		    "start with . or -");
	memcpy(c->profile, profile, len + 1);
	return AC_OK;
}

enum ac_status
cred_set_org(struct cred *c, const char *org)
{
	size_t len = strlen(org);

	if (!grammar_is_org_id(org, len))
		return fail(AC_INVALID,
		    "org id refused: it is 1-128 of A-Z a-z 0-9 . _ : -");
	memcpy(c->org, org, len + 1);
	return AC_OK;
}

enum ac_status
cred_set_api(struct cred *c, const char *url)
{
	struct origin o;
	size_t len = strlen(url);

	if (url_parse_origin(url, &o) < 0)
		return fail(AC_INVALID,
		    "API URL refused: expected https://host[:port][/path]");
	if (!o.https && !origin_is_loopback(&o))
		return fail(AC_INVALID, "API URL refused: plain http is only "
		                        "allowed to a loopback address");
	while (len > 0 && url[len - 1] == '/')
		len--;
	free(c->api);
	c->api = xmemdup(url, len);
	return AC_OK;
}

enum ac_status
cred_set_expiry(struct cred *c, const char *ms)
{
	long long v = 0;
	size_t len = strlen(ms);

	if (len == 0 || len > 16 || ms[0] == '0')
		return fail(AC_INVALID, "expiry refused: give epoch "
		                        "milliseconds, a whole number from 1");
	for (size_t i = 0; i < len; i++) {
		if (ms[i] < '0' || ms[i] > '9')
			return fail(AC_INVALID, "expiry refused: epoch "
			                        "milliseconds are digits only");
		v = v * 10 + (ms[i] - '0');
	}
	if (v > EXPIRY_MAX)
		return fail(AC_INVALID, "expiry refused: larger than 2^53");
	c->expires_ms = v;
	return AC_OK;
}

struct bearer
cred_bearer(const struct cred *c)
{
	struct bearer b = {
	    c->token, c->kind == CRED_PAT ? c->org : NULL, c->expires_ms};

	return b;
}

bool
cred_token_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = la != lb;

	/* Time depends on the lengths only, not on where they differ. */
	for (size_t i = 0; i < la && i < lb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

const char *
cred_kind_name(enum cred_kind kind)
{
	return kind == CRED_AK ? "ak" : kind == CRED_PAT ? "pat" : "none";
}

void
cred_clear(struct cred *c)
{
	wipe_token(c);
	free(c->api);
	c->api = NULL;
	c->kind = CRED_NONE;
	c->org[0] = '\0';
	c->expires_ms = 0;
}

void
cred_list_clear(struct cred_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		cred_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
