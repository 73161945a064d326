/*
 * Allocation that succeeds or ends the process: a short-lived CLI has
 * nothing sensible to do when malloc fails (as in git and signify).
 */
#ifndef HELPER_XALLOC_H
#define HELPER_XALLOC_H

#include <stddef.h>

void *xcalloc(size_t n, size_t size);
/* A NUL-terminated copy of n bytes. */
char *xmemdup(const char *s, size_t n);

#endif
