/*
 * Reading a protocol request from standard input, with a cap on its size.
 * A key=value request ends at its blank line, so a caller that keeps its
 * end of the pipe open is not waited on.
 */
#ifndef HELPER_REQUEST_INPUT_H
#define HELPER_REQUEST_INPUT_H

#include <stdbool.h>

#include "../protocol/buf.h"
#include "status.h"

/* Read into in (whose max is the cap): to EOF, or, when until_blank, to
 * the first blank line.  A terminal on stdin is refused with a hint that
 * names the protocol; more than the cap is AC_INVALID. */
enum ac_status request_read(
    struct buf *in, bool until_blank, const char *protocol);

#endif
