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
