/*
 * Running another program (git) for doctor and setup: no shell, argv as
 * given, its standard output captured, its standard error discarded.
 */
#ifndef HELPER_SPAWN_H
#define HELPER_SPAWN_H

#include <stddef.h>

/* Run argv[0] from PATH; its output (at most size - 1 bytes, NUL-
 * terminated) into out.  Its exit status, or -1 if it could not be run
 * or did not exit. */
int spawn_capture(char *const argv[], char *out, size_t size);

#endif
