/*
 * What went wrong with the keyring, said so that the user knows what to do,
 * with the exit code that tells scripts which case it was.
 */
#ifndef HELPER_KEYRING_ERROR_H
#define HELPER_KEYRING_ERROR_H

#include <glib.h>
#include <stdbool.h>

#include "status.h"

/* Before any D-Bus traffic: is there a session bus to talk to at all?
 * GLib would otherwise try to autolaunch one through X11, which can stall
 * and could never reach a keyring anyway. */
enum ac_status keyring_check_bus(void);

/* Whether err says the item asked about no longer exists: another process
 * replaced or removed it between our search and our call. */
bool keyring_vanished(const GError *err);

/* Stricter, for deletes: the object itself is reported not to exist. */
bool keyring_gone(const GError *err);

/* Report err (from a call made while `doing` something) and consume it. */
enum ac_status keyring_fail(GError *err, const char *doing);

/* The collection holding the profile is locked and could not be unlocked. */
enum ac_status keyring_locked(const char *profile);

#endif
