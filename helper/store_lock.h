/*
 * Serialise writers.  Replacing a profile's item is create-then-remove-
 * stale (so a failed create never loses the old secret), which is only
 * safe if two logins for one user do not interleave.  The lock file holds
 * nothing; it lives in XDG_RUNTIME_DIR (else the user's cache directory).
 */
#ifndef HELPER_STORE_LOCK_H
#define HELPER_STORE_LOCK_H

#include <stdbool.h>

#include "status.h"

/* Take the lock, waiting at most `seconds`.  On success *fd holds it until
 * store_unlock().  A process that holds it already takes it again at once
 * (each take needs its store_unlock). */
enum ac_status store_lock(unsigned seconds, int *fd);
void store_unlock(int fd);

/* Take the lock only if it is free now: false, silently, if it is not or
 * cannot be had (for the cache, which does without rather than wait). */
bool store_lock_try(int *fd);

#endif
