/*
 * The credential model: an Anyreach bearer token and the non-secret facts
 * kept with it.  Every setter validates; a struct cred that was filled
 * through them only holds values that are safe to emit.
 */
#ifndef HELPER_CRED_H
#define HELPER_CRED_H

#include <stdbool.h>
#include <stddef.h>

#include "../protocol/bearer.h"
#include "../protocol/grammar.h"
#include "status.h"

#define CRED_DEFAULT_PROFILE "default"
#define CRED_DEFAULT_API "https://api.anyreach.ai"

enum cred_kind {
	CRED_NONE = 0,
	CRED_AK,  /* org API key ak_<id>.<secret>: never sent with an org */
	CRED_PAT, /* personal access token pat_...: needs an org per request */
};

struct cred {
	char profile[GRAMMAR_PROFILE_MAX + 1];
	enum cred_kind kind;
	char *token;  /* the secret; NULL in listings; wiped by cred_clear */
	char *key_id; /* the <id> of an ak_, else NULL */
	char org[GRAMMAR_ORG_MAX + 1]; /* a pat_'s default org, or "" */
	char *api;                     /* API base URL, no trailing slash */
	long long expires_ms;          /* epoch milliseconds; 0 = never */
};

struct cred_list {
	struct cred *v;
	size_t n;
};

/* Validate token (len bytes, may hold NUL) and take a copy of it, setting
 * kind and key id.  AC_INVALID, with a message that never echoes it. */
enum ac_status cred_set_token(struct cred *c, const char *token, size_t len);

/* Why token (len bytes) is not a valid credential, or NULL; never the
 * token itself, so it can go into a message. */
const char *cred_token_problem(const char *token, size_t len);

/* Kind and key id alone, for listings, where the token is not read. */
enum ac_status cred_set_kind(struct cred *c, const char *name);
enum ac_status cred_set_key_id(struct cred *c, const char *key_id);

enum ac_status cred_set_profile(struct cred *c, const char *profile);
enum ac_status cred_set_org(struct cred *c, const char *org);
enum ac_status cred_set_api(struct cred *c, const char *url);

/* Decimal epoch milliseconds, 1 to 2^53 (JSON-safe); nothing else. */
enum ac_status cred_set_expiry(struct cred *c, const char *ms);

/* What to send: the token, the org only for a pat_, the expiry. */
struct bearer cred_bearer(const struct cred *c);

/* Compare two tokens in a time that does not depend on their contents. */
bool cred_token_equal(const char *a, const char *b);

const char *cred_kind_name(enum cred_kind kind);

/* Wipe the token and free what the struct owns; it reads as empty after. */
void cred_clear(struct cred *c);
void cred_list_clear(struct cred_list *l);

#endif
