/*
 * Serialise writers.  Replacing a profile's item is create-then-remove-
 * stale (so a failed create never loses the old secret), which is only
 * safe if two logins for one user do not interleave.  The lock file holds
 * nothing; it lives in XDG_RUNTIME_DIR (else the user's cache directory).
 * A reader takes it only for its last try, when logins kept replacing the
 * item under its earlier ones.
 */
#ifndef HELPER_STORE_LOCK_H
#define HELPER_STORE_LOCK_H

#include "status.h"

/* Take the lock, waiting at most `seconds`.  On success *fd holds it until
 * store_unlock(). */
enum ac_status store_lock(unsigned seconds, int *fd);
void store_unlock(int fd);

#endif
