/*
 * Replies of the Anyreach API, parsed with cJSON and checked before use.
 * What each reply holds is documented only in part (see anyreach-api.md):
 * the parsers accept the documented shape and the inferred variants
 * named below, and refuse anything else.  Text meant for a terminal has
 * its control characters replaced.
 */
#ifndef PROTOCOL_API_REPLY_H
#define PROTOCOL_API_REPLY_H

#include <stddef.h>

#define API_TEXT_MAX 256 /* longest server text put on a terminal */

struct api_strings {
	char **v;
	size_t n;
};

/* A created key: the secret in pat_key [DOC], and the rest [INF]. */
struct api_created {
	char *pat_key;        /* wiped by api_created_clear */
	long long expires_ms; /* 0: none or not given */
};

/* One row of the key list: key_id, name, expires_at, created_at [DOC]. */
struct api_key {
	char *key_id;
	char *name;           /* made printable, for display */
	char *raw_name;       /* as the server sent it, to send back */
	long long expires_ms; /* 0: never */
	char *created;        /* as the server wrote it, made printable */
};

struct api_keys {
	struct api_key *v;
	size_t n;
};

/* GET /admin/members/me/scopes: "a flat list of scope strings" [DOC];
 * also an object holding such a list under any key [INF].  0 or -1. */
int api_parse_scopes(const char *data, size_t len, struct api_strings *out);
void api_strings_clear(struct api_strings *s);

/* The message of an error body: {"detail": ...} (REST) [DOC] or
 * {"error": ...} (the MCP edge) [DOC].  0 and out filled, or -1. */
int api_parse_error(const char *data, size_t len, char *out, size_t size);

/* POST /admin/organization-pats: pat_key [DOC], expires_at [INF]. */
int api_parse_created(const char *data, size_t len, struct api_created *c);
void api_created_clear(struct api_created *c);

/* The key list [DOC fields]: a bare array, or an object holding one
 * under any key [INF, the envelope is undocumented]. */
int api_parse_keys(const char *data, size_t len, struct api_keys *out);
void api_keys_clear(struct api_keys *k);

/* An epoch time as the API may send it: milliseconds [INF, strong], or
 * seconds when below 10^12 [INF]; 0 for null.  -1 when not a whole number
 * from 0 to 2^53. */
long long api_epoch_ms(double v);

/* Copy src to dst (size bytes) with every byte outside printable ASCII
 * replaced by '?', so server text cannot drive a terminal. */
void api_printable(char *dst, size_t size, const char *src);

#endif
