/*
 * The character-level grammar of every value anyreach-cred emits.
 *
 * A token that passes grammar_is_b64token() and an org id that passes
 * grammar_is_org_id() contain no byte that any of our readers (HTTP header
 * parsers, shells, JSON, key=value lines) treat as special, so checking them
 * on the way in and again before output makes every emitter safe by
 * construction.  Lengths are explicit so that an embedded NUL is seen.
 */
#ifndef PROTOCOL_GRAMMAR_H
#define PROTOCOL_GRAMMAR_H

#include <stdbool.h>
#include <stddef.h>

#define GRAMMAR_TOKEN_MAX 4096
#define GRAMMAR_ORG_MAX 128
#define GRAMMAR_PROFILE_MAX 64

/* RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" )
 * *"=", at most GRAMMAR_TOKEN_MAX bytes. */
bool grammar_is_b64token(const char *s, size_t len);

/* Opaque org id: 1..GRAMMAR_ORG_MAX of A-Z a-z 0-9 . _ : - */
bool grammar_is_org_id(const char *s, size_t len);

/* Profile name: 1..GRAMMAR_PROFILE_MAX of A-Z a-z 0-9 . _ -, not starting
 * with "." or "-" (it ends up in file names, messages and option values). */
bool grammar_is_profile(const char *s, size_t len);

#endif
