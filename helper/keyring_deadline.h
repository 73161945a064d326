/*
 * A time limit for keyring calls.  libsecret's synchronous calls run a
 * main loop with no timeout of their own, and a Secret Service that never
 * answers (or a prompt that never completes) would hang the caller's tool
 * for good.  A watchdog thread cancels the shared GCancellable when the
 * deadline passes; every call is given that cancellable.
 */
#ifndef HELPER_KEYRING_DEADLINE_H
#define HELPER_KEYRING_DEADLINE_H

#include <gio/gio.h>
#include <stdbool.h>

/* Start the clock (keyring_timeout_seconds()).  Returns the cancellable to pass
 * to every call. */
GCancellable *deadline_start(void);

/* Stop the clock and release it. */
void deadline_stop(void);

/* Whether the deadline cancelled the calls, and its length in seconds. */
bool deadline_fired(void);
unsigned deadline_seconds(void);

#endif
