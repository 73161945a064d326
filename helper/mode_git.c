/*
 * git's credential-helper protocol (see protocol/PROTOCOL.md), as
 * `anyreach-cred git OP` and as git-credential-anyreach.
 *
 * A secret is only ever given to the exact origin (scheme, host, port) its
 * profile is configured for.  Anything that is not a match, including a
 * request with no host or protocol, gets no output: git then asks the next
 * helper.  store and erase only ever touch a matching Anyreach credential.
 */
#include <string.h>

#include "../protocol/kv.h"
#include "commands.h"
#include "msg.h"
#include "output.h"
#include "request_input.h"
#include "source.h"

static enum ac_status
read_request(struct kv_request *req)
{
	struct buf in = BUF_INIT(KV_REQUEST_MAX);
	const char *why = NULL;
	enum ac_status st = request_read(&in, true, "git credential");

	if (st == AC_OK &&
	    kv_parse(in.data ? in.data : "", in.len, req, &why) < 0)
		st =
		    fail(AC_INVALID, "git credential request refused: %s", why);
	buf_release(&in);
	return st;
}

/* The origin asked about, if it could be an Anyreach host at all: plain
 * http only to loopback, since no API URL can be anything else. */
static bool
asked_origin(const struct kv_request *r, struct origin *o)
{
	if (r->protocol == NULL || r->host == NULL ||
	    url_origin_from_parts(r->protocol, r->host, o) < 0)
		return false;
	return o->https || origin_is_loopback(o);
}

/* The credential of the requested profile if it is for origin o, which
 * is checked before any secret is read; else AC_NOTFOUND, silently, and
 * *seen says whether the profile exists (for another origin or user). */
static enum ac_status
fetch_for(const struct cli *cli, const struct store_backend *s,
    const struct kv_request *r, const struct origin *o, struct cred *c,
    bool *seen)
{
	struct origin_check oc = {*o, false};
	struct store_filter f = source_for_origin(&oc);
	enum ac_status st =
	    cred_set_profile(c, r->profile ? r->profile : cli_profile(cli));

	*seen = false;
	if (st != AC_OK)
		return st;
	if (r->username && strcmp(r->username, c->profile) != 0) {
		*seen = true;
		return AC_NOTFOUND;
	}
	st = source_fetch(s, &f, c);
	*seen = oc.seen;
	return st;
}

/* Not stored: worth a hint only if the host is where a new profile
 * would point. */
static enum ac_status
not_found(const struct cred *c, const struct origin *o)
{
	struct origin fresh;

	if (source_default_origin(&fresh) == AC_OK && origin_equal(&fresh, o))
		return source_not_found(c);
	return AC_OK;
}

static enum ac_status
answer(const struct kv_request *r, const struct cred *c)
{
	struct bearer b = cred_bearer(c);
	struct buf out = BUF_INIT(32768);

	return output_reply(
	    kv_write_answer(&out, c->profile, &b, r->cap_authtype), &out,
	    "the credential as a git answer");
}

static enum ac_status
git_get(const struct cli *cli, const struct store_backend *s,
    const struct kv_request *r, struct cred *c)
{
	struct origin o;
	bool seen;
	enum ac_status st;

	if (!asked_origin(r, &o))
		return AC_OK;
	st = fetch_for(cli, s, r, &o, c, &seen);
	if (st == AC_NOTFOUND)
		return seen ? AC_OK : not_found(c, &o);
	if (st != AC_OK)
		return st;
	st = source_settle(c, r->org);
	return st == AC_OK ? answer(r, c) : st;
}

/* A new token for a stored profile keeps its API URL and default org;
 * for a new profile, the origin must be where new profiles point. */
static enum ac_status
store_new(const struct store_backend *s, const struct kv_request *r,
    const struct origin *o, struct cred *c, enum ac_status fetched)
{
	struct origin fresh;
	enum ac_status st = AC_OK;

	if (fetched == AC_NOTFOUND) {
		st = source_default_origin(&fresh);
		if (st != AC_OK || !origin_equal(&fresh, o))
			return st;
		st = source_new_profile(c);
	}
	if (st == AC_OK)
		st = cred_set_token(c, r->password, strlen(r->password));
	c->expires_ms = 0; /* the old expiry is not the new token's */
	if (st == AC_OK && r->org)
		st = cred_set_org(c, r->org);
	if (st == AC_OK && c->kind == CRED_AK)
		c->org[0] = '\0';
	return st == AC_OK ? s->put(c) : st;
}

static enum ac_status
git_store(const struct cli *cli, const struct store_backend *s,
    const struct kv_request *r, struct cred *c)
{
	struct origin o;
	bool seen;
	const char *why;
	enum ac_status st;

	/* A token from CI (ANYREACH_TOKEN, ...) is never written anywhere. */
	if (!asked_origin(r, &o) || r->password == NULL ||
	    source_in_effect() != SOURCE_KEYRING)
		return AC_OK;
	why = cred_token_problem(r->password, strlen(r->password));
	if (why)
		return fail(AC_INVALID, "not storing what git gave: %s", why);
	st = fetch_for(cli, s, r, &o, c, &seen);
	if (st == AC_NOTFOUND && !seen)
		return store_new(s, r, &o, c, st);
	if (st != AC_OK)
		return st == AC_NOTFOUND ? AC_OK : st; /* not ours */
	if (cred_token_equal(c->token, r->password) &&
	    (r->org == NULL || strcmp(r->org, c->org) == 0))
		return AC_OK; /* nothing new: spare the keyring a write */
	return store_new(s, r, &o, c, st);
}

/* Erase only an exact match, password included: a rejected password
 * that is not ours must not remove ours. */
static enum ac_status
git_erase(const struct cli *cli, const struct store_backend *s,
    const struct kv_request *r, struct cred *c)
{
	struct origin o;
	bool seen;
	enum ac_status st;

	if (!asked_origin(r, &o) || r->password == NULL ||
	    source_in_effect() != SOURCE_KEYRING)
		return AC_OK;
	st = fetch_for(cli, s, r, &o, c, &seen);
	if (st == AC_OK)
		st = s->erase(c->profile, r->password);
	return st == AC_NOTFOUND ? AC_OK : st;
}

enum ac_status
mode_git(const struct cli *cli, const struct store_backend *s)
{
	static const struct {
		const char *name;
		enum ac_status (*run)(const struct cli *,
		    const struct store_backend *, const struct kv_request *,
		    struct cred *);
	} ops[] = {
	    {"get", git_get}, {"store", git_store}, {"erase", git_erase}};
	struct kv_request req = {0};
	struct cred c = {0};
	enum ac_status st = AC_OK;

	if (cli->nargs != 1)
		return fail(AC_USAGE, "usage: git-credential-anyreach "
		                      "[--profile P] get|store|erase");
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++) {
		if (strcmp(cli->args[0], ops[i].name) != 0)
			continue;
		st = read_request(&req);
		if (st == AC_OK)
			st = ops[i].run(cli, s, &req, &c);
		kv_request_clear(&req);
		cred_clear(&c);
		break;
	}
	return st; /* other operations are ignored, as the protocol asks */
}
