/*
 * Making a new org API key and keeping it: the secret goes straight from
 * the API's reply into a struct cred and from there into the store; it is
 * never printed.  Shared by `keys create` and `rotate`.
 */
#ifndef HELPER_API_NEW_KEY_H
#define HELPER_API_NEW_KEY_H

#include "../cli.h"
#include "../cred.h"

/* The expiry asked for with --expires (none: never); AC_USAGE if bad. */
enum ac_status new_key_expiry(const struct cli *cli, long long *ms);

/* A key name for the API: 1-200 bytes, printable. */
enum ac_status new_key_name_ok(const char *name);

/* Create a key called name with auth, into out (profile already set):
 * its token must be an ak_; out gets auth's API URL and org (for the
 * record) and the expiry.  Nothing is stored here. */
enum ac_status new_key_create(const struct cred *auth, const char *name,
    long long expires_ms, struct cred *out);

#endif
