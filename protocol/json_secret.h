/*
 * cJSON for documents that hold a secret.  cJSON frees strings without
 * wiping them and prints into buffers of its own, so these wrappers print
 * into a block they wipe and clear every string value before freeing.
 */
#ifndef PROTOCOL_JSON_SECRET_H
#define PROTOCOL_JSON_SECRET_H

#include <cjson/cJSON.h>

#include "buf.h"

/* Append the compact text of item and a newline; 0 or -1. */
int json_print_wiped(cJSON *item, struct buf *out);

/* The same laid out as Go's json.MarshalIndent with a tab indent, which
 * is how docker writes its config.json. */
int json_print_formatted_wiped(cJSON *item, struct buf *out);

/* Wipe every string value in the tree, then free it. */
void json_delete_wiped(cJSON *item);

/* Parse exactly len bytes as one JSON value (no trailing garbage).  Input
 * with an escaped NUL is refused: cJSON would cut the string there. */
cJSON *json_parse_strict(const char *data, size_t len);

#endif
