/*
 * Where the credential comes from.  In CI and on servers the secret
 * arrives without a keyring; then no D-Bus call is made at all.  In order:
 *
 *   1. ANYREACH_TOKEN                       (the CI's secret store)
 *   2. ANYREACH_TOKEN_FILE                  (Docker/Kubernetes secret files)
 *   3. $CREDENTIALS_DIRECTORY/anyreach-token (systemd LoadCredential=)
 *   4. the keyring entry of the profile
 *
 * The first that is present is used: an invalid one is an error, never a
 * reason to try the next.  Every source gets the same validation.
 */
#ifndef HELPER_SOURCE_H
#define HELPER_SOURCE_H

#include "../protocol/url.h"
#include "cred.h"
#include "store.h"

enum source_kind {
	SOURCE_ENV,
	SOURCE_FILE,
	SOURCE_SYSTEMD,
	SOURCE_KEYRING,
};

/* The source in effect, without reading it. */
enum source_kind source_in_effect(void);
const char *source_name(enum source_kind kind);

/* Fill c (profile already set) with the token and what is kept with it.
 * A filter, if given, is asked before any secret is read; what it refuses
 * is AC_NOTFOUND.  AC_NOTFOUND is returned silently. */
enum ac_status source_fetch(const struct store_backend *s,
    const struct store_filter *f, struct cred *c);

/* The API URL in use: ANYREACH_API_URL when set (for this run only; it is
 * never stored), else the profile's. */
const char *source_api(const struct cred *c);

/* A filter that accepts only a credential for origin `want`; `seen` says
 * afterwards whether a credential was there at all (for another origin). */
struct origin_check {
	struct origin want;
	bool seen;
};
struct store_filter source_for_origin(struct origin_check *oc);

/* Before use: refuse an expired credential, and settle c->org to the org
 * to send: for a pat_ the override (--org, or a request's org), else
 * ANYREACH_ORG_ID, else the stored default; for an ak_ none. */
enum ac_status source_settle(struct cred *c, const char *org_override);

/* Fetch and settle in one: the credential of profile, ready to use, with
 * every failure (not found included) reported. */
enum ac_status source_resolve(const struct store_backend *s,
    const char *profile, const char *org, struct cred *c);

/* The origin a new profile serves: ANYREACH_API_URL, else the default. */
enum ac_status source_default_origin(struct origin *o);

/* Give c the API URL a new profile stores: where it was first used
 * (ANYREACH_API_URL, else the default). */
enum ac_status source_new_profile(struct cred *c);

/* The "not found" message with the fix, for callers that report it. */
enum ac_status source_not_found(const struct cred *c);

#endif
