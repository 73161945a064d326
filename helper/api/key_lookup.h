/*
 * Finding a key in the server's list.  The list shows a truncated prefix
 * of each key id [DOC: "key_id (a truncated prefix)"]; that it is a prefix
 * of the <id> in ak_<id>.<secret>, and that DELETE takes it, are [INF].
 */
#ifndef HELPER_API_KEY_LOOKUP_H
#define HELPER_API_KEY_LOOKUP_H

#include "../../protocol/api_reply.h"
#include "../cred.h"

struct key_row {
	char key_id[129];
	char name[API_TEXT_MAX]; /* as the server has it: never printed */
};

/* The one row whose key_id is a prefix of (or equal to) key_id, asking
 * the API with auth.  AC_NOTFOUND (silent) when no row matches; more than
 * one match is refused as ambiguous. */
enum ac_status key_find(
    const struct cred *auth, const char *key_id, struct key_row *row);

/* Delete a key that was just created and must not stay live (its id from
 * its token); report what happened, and how to clean up if it failed. */
void key_discard(const struct cred *auth, const struct cred *created);

#endif
