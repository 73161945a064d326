/*
 * The commands that call the Anyreach API (verify, keys, rotate, logout
 * --revoke) live in a second executable, anyreach-cred-api, the only one
 * that links libcurl: loading libcurl costs about 5 ms per process, and
 * `get`, which calling tools run on every request, must not pay it.
 *
 * In anyreach-cred, cmd_api() (api_launch.c) runs that executable with
 * the same command line; in anyreach-cred-api, cmd_api() (api/dispatch.c)
 * does the work.  Nothing secret crosses: the API executable reads the
 * keyring, or the CI variables, itself.
 */
#ifndef HELPER_API_LAUNCH_H
#define HELPER_API_LAUNCH_H

#include "cli.h"
#include "store.h"

enum ac_status cmd_api(const struct cli *cli, const struct store_backend *s);

#endif
