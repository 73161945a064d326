/*
 * anyreach-cred is three executables, so that each command loads only the
 * libraries it uses (see README, "Design"):
 *
 *   anyreach-cred          get, exec and the protocols' get: reads the
 *                          keyring over libdbus (store_bus.h), loaded only
 *                          when the keyring is used; no GLib, no libcurl.
 *   anyreach-cred-keyring  everything that writes or lists the keyring,
 *                          through libsecret (store_secret.c).
 *   anyreach-cred-api      the commands that call the API; libcurl.
 *
 * The first runs the others with the same command line.  Nothing secret
 * crosses: each reads the keyring, or the CI variables, itself, and none
 * has read standard input before it hands over.
 */
#ifndef HELPER_LAUNCH_H
#define HELPER_LAUNCH_H

#include "cli.h"

#define LAUNCH_KEYRING "anyreach-cred-keyring"
#define LAUNCH_API "anyreach-cred-api"

/* Replace this process by program, from ../libexec/anyreach-cred/ beside
 * this executable (as `make install` lays it out), else from this
 * executable's directory (the build tree), with cli's command line.
 * Returns only on failure. */
enum ac_status launch(const char *program, const struct cli *cli);

#endif
