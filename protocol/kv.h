/*
 * The key=value protocol (git's credential-helper protocol, extended; see
 * PROTOCOL.md): a strict reader for requests and a writer that refuses to
 * emit any value that could start a second line.
 */
#ifndef PROTOCOL_KV_H
#define PROTOCOL_KV_H

#include <stdbool.h>
#include <stddef.h>

#include "bearer.h"
#include "buf.h"

#define KV_LINE_MAX 65535      /* bytes in a line, its LF included */
#define KV_REQUEST_MAX 1048576 /* bytes in a whole request */

struct kv_request {
	char *protocol;
	char *host;
	char *path;
	char *username;
	char *password; /* wiped by kv_request_clear */
	char *profile;
	char *org;
	bool cap_authtype; /* capability[]=authtype was announced */
};

/* Whether data already holds the blank line that ends a request, so a
 * reader can stop without waiting for EOF. */
bool kv_complete(const char *data, size_t len);

/* Parse a request of len bytes (it may hold NUL).  Stops at the first blank
 * line or at the end; an unterminated last line counts.  0 on success, -1
 * with *why (a static text that never quotes the input) when refused. */
int kv_parse(
    const char *data, size_t len, struct kv_request *req, const char **why);

/* Free everything, wiping the password; the struct reads as empty after. */
void kv_request_clear(struct kv_request *req);

/* Append "key=value\n".  -1 when the key is empty or holds "=", or either
 * holds CR or LF, or the buffer is full. */
int kv_write(struct buf *out, const char *key, const char *value);

/* The answer to a matching get: username, password, expiry in seconds
 * when known, authtype/credential only when the request announced
 * capability[]=authtype, and the full header pair as header[] lines for
 * tools that do not know git.  0, or -1 (nothing usable appended). */
int kv_write_answer(struct buf *out, const char *username,
    const struct bearer *b, bool authtype);

#endif
