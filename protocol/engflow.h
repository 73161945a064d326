/*
 * The credential-helper spec of EngFlow, used by Bazel and others:
 * {"uri": "..."} on stdin, {"headers": {...}, "expires": "..."} on stdout.
 */
#ifndef PROTOCOL_ENGFLOW_H
#define PROTOCOL_ENGFLOW_H

#include <stddef.h>

#include "bearer.h"
#include "buf.h"

#define ENGFLOW_INPUT_MAX 65536

/* The "uri" of a request object (other properties are allowed and
 * ignored), as a new string.  NULL with *why when refused. */
char *engflow_parse_request(const char *data, size_t len, const char **why);

/* {"headers":{"Authorization":["Bearer t"],"X-Anyreach-Org":["o"]},
 *  "expires":"2026-01-01T00:00:00Z"}: the org only for a pat_, the expiry
 * only when known.  0 or -1. */
int engflow_response(const struct bearer *b, struct buf *out);

#endif
