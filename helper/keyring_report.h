/*
 * What went wrong with the keyring, said so that the user knows what to do,
 * with the exit code that tells scripts which case it was.  Shared by the
 * libsecret store (keyring_error.h maps GErrors onto these) and the D-Bus
 * reader, so both say the same thing about the same fault.
 */
#ifndef HELPER_KEYRING_REPORT_H
#define HELPER_KEYRING_REPORT_H

#include "status.h"

/* Before any D-Bus traffic: is there a session bus to talk to at all?
 * Without this check GLib would try to autolaunch one through X11, which
 * can stall and could never reach a keyring anyway. */
enum ac_status keyring_check_bus(void);

/* The seconds a keyring operation may take: ANYREACH_KEYRING_TIMEOUT
 * (1-600), else KEYRING_DEFAULT_SECONDS. */
#define KEYRING_DEFAULT_SECONDS 10
unsigned keyring_timeout_seconds(void);

/* D-Bus and GLib messages carry no secret of ours, but they may carry
 * bytes from other programs: print control characters as '?'. */
void keyring_sanitize(char *s);

/* The reports; `doing` says what was under way, `detail` what the bus or
 * library said (printed sanitized). */
enum ac_status keyring_timed_out(const char *doing);
enum ac_status keyring_no_service(void);
enum ac_status keyring_is_locked(const char *doing);
enum ac_status keyring_unreachable(const char *doing, const char *detail);
enum ac_status keyring_other(const char *doing, const char *detail);
enum ac_status keyring_kept_changing(void);

/* The collection holding the profile is locked and could not be unlocked. */
enum ac_status keyring_locked(const char *profile);

#endif
