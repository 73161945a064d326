/* One function per command; each returns its exit status. */
#ifndef HELPER_COMMANDS_H
#define HELPER_COMMANDS_H

#include "cli.h"
#include "status.h"
#include "store.h"

enum ac_status cmd_login(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_get(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_list(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_logout(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_status(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_exec(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_doctor(const struct cli *cli, const struct store_backend *s);
enum ac_status cmd_setup(const struct cli *cli, const struct store_backend *s);

/* The helper protocols, one per calling tool. */
enum ac_status mode_git(const struct cli *cli, const struct store_backend *s);
enum ac_status mode_docker(
    const struct cli *cli, const struct store_backend *s);
enum ac_status mode_credential_helper(
    const struct cli *cli, const struct store_backend *s);

#endif
