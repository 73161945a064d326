/*
 * The keyring item's schema and its attributes as libsecret takes them
 * (see cred_attrs.h for what they hold).
 */
#ifndef HELPER_SECRET_ATTRS_H
#define HELPER_SECRET_ATTRS_H

#include <libsecret/secret.h>
#include <stdbool.h>

#include "cred_attrs.h"

const SecretSchema *attrs_schema(void);

/* A new table of the attributes that describe c, stored now. */
GHashTable *attrs_from_cred(const struct cred *c);

/* A search pattern: the profile alone, or every item of the schema. */
GHashTable *attrs_for_profile(const char *profile);

/* Fill everything but the token from attrs, validating each value. */
enum ac_status attrs_to_cred(GHashTable *attrs, struct cred *c);

/* Whether two tables agree on every attribute of the schema. */
bool attrs_equal(GHashTable *a, GHashTable *b);

#endif
