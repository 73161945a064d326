/*
 * Messages on stderr: one line, "anyreach-cred: " then lowercase text that
 * names the subject and the fix.  Never pass a secret, or a value that may
 * be one (an unrecognised argument, an invalid token), to these functions.
 */
#ifndef HELPER_MSG_H
#define HELPER_MSG_H

#include "status.h"

#define MSG_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Print the message and return code, so callers can `return fail(...)`. */
enum ac_status fail(enum ac_status code, const char *fmt, ...) MSG_PRINTF(2, 3);

/* An informational line (what was stored, how to use the output). */
void note(const char *fmt, ...) MSG_PRINTF(1, 2);

#endif
