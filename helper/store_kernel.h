/*
 * A store for machines without a Secret Service (servers, containers, SSH
 * sessions, WSL): the Linux kernel key retention service, in the user's
 * persistent keyring.  Chosen only explicitly, with ANYREACH_STORE=kernel;
 * never a fallback.  What it changes (README, "Without a keyring daemon"):
 * the secret is in kernel memory, not on disk, so it is lost at reboot;
 * the persistent keyring expires after it has gone unused for
 * /proc/sys/kernel/keys/persistent_keyring_expiry seconds (3 days by
 * default); any process of the same user can read it, as it could ask an
 * unlocked Secret Service.
 */
#ifndef HELPER_STORE_KERNEL_H
#define HELPER_STORE_KERNEL_H

#include "store.h"

const struct store_backend *store_kernel(void);

/* Whether this kernel lets us use the persistent keyring, and if not,
 * why (a static string); for doctor. */
const char *store_kernel_problem(void);

#endif
