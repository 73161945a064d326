/*
 * The output formats of `get`: one bearer credential written for one kind
 * of reader.  Each writes the whole text into a buffer, or nothing.
 */
#ifndef PROTOCOL_FORMAT_H
#define PROTOCOL_FORMAT_H

#include "bearer.h"
#include "buf.h"

enum format {
	FORMAT_SH,         /* POSIX shell: eval "$(anyreach-cred get)" */
	FORMAT_FISH,       /* fish: anyreach-cred get --format fish | source */
	FORMAT_POWERSHELL, /* ... | Invoke-Expression */
	FORMAT_ENV,        /* NAME=value lines: --env-file, systemd */
	FORMAT_HEADERS,    /* HTTP header lines: curl -H @file */
	FORMAT_CURL,       /* a curl config: curl -K - */
	FORMAT_JSON,       /* {"Authorization": ..., ...} for MCP clients */
	FORMAT_GITHUB,     /* GitHub Actions: written by format_github() */
};

/* The format called name; -1 if there is none. */
int format_from_name(const char *name, enum format *f);

/* Append the text of b in format f (not FORMAT_GITHUB); 0 or -1. */
int format_emit(enum format f, const struct bearer *b, struct buf *out);

/* GitHub Actions: the mask command for the runner's log (stdout), first,
 * and the NAME<<DELIM blocks for $GITHUB_ENV.  delim must be random; a
 * value that contains it, or a line break, is refused. */
int format_github(const struct bearer *b, const char *delim, struct buf *mask,
    struct buf *env);

#endif
