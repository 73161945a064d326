/*
 * Which store a command uses in this executable (see launch.h).  Each
 * executable links one definition: store_select_bus.c in anyreach-cred,
 * store_select_secret.c in the other two.
 */
#ifndef HELPER_STORE_SELECT_H
#define HELPER_STORE_SELECT_H

#include "cli.h"
#include "store.h"

/* Into *out, the store for cli's command (see store_choice.h), or NULL
 * when this executable does not run it and anyreach-cred-keyring must. */
enum ac_status store_select(
    const struct cli *cli, const struct store_backend **out);

#endif
