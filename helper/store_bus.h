/*
 * The keyring read without libsecret (see store_bus.c).  Only `get`: the
 * executable that links this store runs nothing that writes (see
 * store_select.h), so put, erase and list are NULL.
 */
#ifndef HELPER_STORE_BUS_H
#define HELPER_STORE_BUS_H

#include "store.h"

const struct store_backend *store_bus_reader(void);

#endif
