/*
 * The commands that call the Anyreach API (verify, keys, rotate, logout
 * --revoke) live in anyreach-cred-api, the only executable that links
 * libcurl (see launch.h): loading libcurl costs about 5 ms per process.
 * Elsewhere cmd_api() (api_launch.c) runs that executable; in it,
 * cmd_api() (api/dispatch.c) does the work.
 */
#ifndef HELPER_API_LAUNCH_H
#define HELPER_API_LAUNCH_H

#include "cli.h"
#include "store.h"

enum ac_status cmd_api(const struct cli *cli, const struct store_backend *s);

#endif
