/*
 * An opt-in cache in front of the Secret Service, for calling tools that
 * ask many times a minute.  With ANYREACH_CACHE_TTL=N (1-3600 seconds) a
 * credential that get read from the Secret Service is kept for N seconds
 * in the kernel's user keyring, and a get that finds it there makes no
 * D-Bus call at all.  Off (unset, empty or 0) by default.
 *
 * What it changes (README, "The cache"): for those N seconds any process
 * of the user can read the secret from the kernel, without the Secret
 * Service being asked or unlocked, and locking the keyring does not take
 * it back; it never reaches a disk, and root aside no other user can
 * read it.
 */
#ifndef HELPER_STORE_CACHE_H
#define HELPER_STORE_CACHE_H

#include "store.h"

#define CACHE_TTL_MAX 3600

/* Into *out, inner with the cache in front of its get (when on) and with
 * its put and erase dropping what the cache holds for the profile (always:
 * another process may have had the cache on).  AC_USAGE, reported, if
 * ANYREACH_CACHE_TTL is not a number of seconds from 0 to CACHE_TTL_MAX. */
enum ac_status store_cached(
    const struct store_backend *inner, const struct store_backend **out);

/* The seconds an entry is kept, 0 when the cache is off or the variable
 * is invalid. */
unsigned store_cache_ttl(void);

/* Whether the cache holds an entry for profile now; for status. */
bool store_cache_holds(const char *profile);

/* Why the kernel keyring cannot hold the cache here (a static string), or
 * NULL; for doctor. */
const char *store_cache_problem(void);

#endif
