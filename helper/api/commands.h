/* The commands that call the Anyreach API; each returns its exit status. */
#ifndef HELPER_API_COMMANDS_H
#define HELPER_API_COMMANDS_H

#include "../cli.h"
#include "../store.h"

enum ac_status api_verify(const struct cli *cli, const struct store_backend *s);
enum ac_status api_keys(const struct cli *cli, const struct store_backend *s);
enum ac_status api_rotate(const struct cli *cli, const struct store_backend *s);
enum ac_status api_revoke(const struct cli *cli, const struct store_backend *s);

#endif
