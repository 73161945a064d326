/*
 * POSIX shell output: assignments that `eval "$(...)"` and the unquoted
 * `eval $(...)` both read back exactly.  The unquoted form splits fields and
 * expands globs before eval sees the text, so a value is refused (never
 * mangled) unless it is printable ASCII without white space or glob
 * characters; within that set single quotes make it literal.
 */
#ifndef PROTOCOL_SHELL_H
#define PROTOCOL_SHELL_H

#include <stdbool.h>

#include "buf.h"

/* Whether value can be written so that both eval forms read it back. */
bool shell_sh_value_ok(const char *value);

/* Append "NAME='value'; export NAME; ". 0 on success, -1 if the name or the
 * value cannot be written safely or the buffer is full. */
int shell_sh_export(struct buf *out, const char *name, const char *value);

/* Append "unset NAME; ". */
int shell_sh_unset(struct buf *out, const char *name);

#endif
