/*
 * Assignments for shells and environment files.  Every function refuses
 * (returns -1, never mangles) a value its reader could misread; values that
 * passed the token and org grammars are always accepted.
 *
 * POSIX sh: both `eval "$(...)"` and the unquoted `eval $(...)` must read
 * the text back.  The unquoted form splits fields and expands globs before
 * eval sees it, so values are printable ASCII without white space or glob
 * characters, and single quotes make them literal.
 */
#ifndef PROTOCOL_SHELL_H
#define PROTOCOL_SHELL_H

#include <stdbool.h>

#include "buf.h"

/* Whether value can be written so that both eval forms read it back. */
bool shell_sh_value_ok(const char *value);

/* "NAME='value'; export NAME; " and "unset NAME; " */
int shell_sh_export(struct buf *out, const char *name, const char *value);
int shell_sh_unset(struct buf *out, const char *name);

/* fish, for `... | source`: "set -gx NAME 'value';" and "set -e NAME;" */
int shell_fish_export(struct buf *out, const char *name, const char *value);
int shell_fish_unset(struct buf *out, const char *name);

/* PowerShell, for `... | Invoke-Expression`:
 * "$env:NAME = 'value'" and "Remove-Item Env:NAME -ErrorAction Ignore" */
int shell_ps_export(struct buf *out, const char *name, const char *value);
int shell_ps_unset(struct buf *out, const char *name);

/* An environment file line "NAME=value", read literally by docker
 * --env-file and by systemd EnvironmentFile=, so only characters that
 * neither treats specially are allowed. */
int shell_env_line(struct buf *out, const char *name, const char *value);

#endif
