/*
 * Which store a command uses in this executable (see launch.h).  Each
 * executable links one definition: store_select_bus.c in anyreach-cred,
 * store_select_secret.c in the other two.
 */
#ifndef HELPER_STORE_SELECT_H
#define HELPER_STORE_SELECT_H

#include "cli.h"
#include "store.h"

/* The store for cli's command, or NULL when this executable does not run
 * it and anyreach-cred-keyring must. */
const struct store_backend *store_select(const struct cli *cli);

#endif
