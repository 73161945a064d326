/*
 * Standard output.  Output that may hold a secret is built in a buffer and
 * written in one pass with write(2), never through stdio, so it is either
 * written whole or reported as failed.
 */
#ifndef HELPER_OUTPUT_H
#define HELPER_OUTPUT_H

#include <stddef.h>

#include "../protocol/buf.h"
#include "status.h"

/* Write all of data to stdout; AC_FAILURE (reported) if that fails. */
enum ac_status output_write(const char *data, size_t len);

/* Finish a reply built into out: write it whole when building succeeded
 * (built == 0), else report that `what` could not be written safely.  out
 * is released (wiped) either way. */
enum ac_status output_reply(int built, struct buf *out, const char *what);

/* Flush and check stdout at exit, for text written with stdio. */
enum ac_status output_finish(void);

#endif
