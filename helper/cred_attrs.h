/*
 * The keyring item's attributes, without any keyring library: both the
 * libsecret store and the D-Bus reader fill a struct cred from the same
 * key/value pairs.  Attributes are not confidential in the Secret Service
 * (they can be read while the keyring is locked), so they hold only the
 * non-secret facts; the token is the item's secret value and nothing else.
 */
#ifndef HELPER_CRED_ATTRS_H
#define HELPER_CRED_ATTRS_H

#include "cred.h"

#define ATTRS_SCHEMA_NAME "ai.anyreach.Credential"
/* Where libsecret keeps the schema name among the attributes. */
#define ATTRS_SCHEMA_KEY "xdg:schema"

/* When the item was stored, in epoch milliseconds: written with every
 * item, so that of two items of a profile (for a moment during a store,
 * or for good after a failed removal) every reader takes the same one. */
#define ATTRS_STORED_KEY "stored_at"

/* How new an item is: its stored_at (NULL or invalid: 0), else the
 * service's Modified time, in whole seconds. */
long long cred_attrs_age(const char *stored_at, unsigned long long modified);

/* Whether the item (age, path) is newer than (best_age, best_path); the
 * object path breaks ties, so the choice never depends on listing order. */
bool cred_attrs_newer(
    long long age, const char *path, long long best_age, const char *best_path);

/* Set one attribute of c, validating its value; unknown keys (the schema
 * name, attributes of later versions) are ignored. */
enum ac_status cred_attr_set(
    struct cred *c, const char *key, const char *value);

/* After the last attribute: default the API, require kind and profile. */
enum ac_status cred_attrs_done(struct cred *c);

/* Take the secret value of c's item as its token, checking that it is a
 * valid token of the kind the attributes claim.  Reports what is wrong. */
enum ac_status cred_attr_take_token(
    struct cred *c, const char *bytes, size_t len);

#endif
