/*
 * The Anyreach API calls anyreach-cred makes, with each HTTP outcome
 * turned into one message and exit code: 401 (rejected), 401 "missing
 * organization claim" (a pat_ without org: configuration), 403 (valid but
 * lacking scope), redirects, server failures.  Nothing here touches the
 * keyring.
 */
#ifndef HELPER_API_CLIENT_H
#define HELPER_API_CLIENT_H

#include "../../protocol/api_reply.h"
#include "../cred.h"

enum ac_status api_scopes(const struct cred *c, struct api_strings *out);
enum ac_status api_create_key(const struct cred *c, const char *name,
    long long expires_ms, struct api_created *out);
enum ac_status api_list_keys(const struct cred *c, struct api_keys *out);
enum ac_status api_delete_key(const struct cred *c, const char *key_id);

/* Whether key_id may go into a URL path: 1-128 of A-Z a-z 0-9 . _ ~ -. */
bool api_key_id_ok(const char *key_id);

#endif
