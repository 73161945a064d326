/*
 * libsecret's GErrors, mapped onto the reports of keyring_report.h.
 */
#ifndef HELPER_KEYRING_ERROR_H
#define HELPER_KEYRING_ERROR_H

#include <glib.h>
#include <stdbool.h>

#include "keyring_report.h"

/* Whether err says the item asked about no longer exists: another process
 * replaced or removed it between our search and our call. */
bool keyring_vanished(const GError *err);

/* Stricter, for deletes: the object itself is reported not to exist. */
bool keyring_gone(const GError *err);

/* Report err (from a call made while `doing` something) and consume it. */
enum ac_status keyring_fail(GError *err, const char *doing);

#endif
