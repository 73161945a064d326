/*
 * anyreach-cred: keep Anyreach credentials in the system keyring and hand
 * them to the tools that need them.
 *
 * This executable never links libcurl: the commands that call the API will
 * live in a second executable that this one runs (see README, "Design"),
 * so `get`, which every calling tool runs on every request, does not pay
 * for loading it.
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "hygiene.h"
#include "output.h"

static enum ac_status
run(const struct cli *cli)
{
	const struct store_backend *store = store_secret_service();

	switch (cli->cmd) {
	case CMD_LOGIN:
		return cmd_login(cli, store);
	case CMD_GET:
		return cmd_get(cli, store);
	case CMD_LIST:
		return cmd_list(cli, store);
	case CMD_LOGOUT:
		return cmd_logout(cli, store);
	case CMD_STATUS:
		return cmd_status(cli, store);
	case CMD_VERSION:
		printf("anyreach-cred %s\n", AC_VERSION);
		return output_finish();
	case CMD_HELP:
	default:
		/* A bare `anyreach-cred` is a usage error. */
		cli_usage(stderr, CMD_HELP);
		return AC_USAGE;
	}
}

int
main(int argc, char **argv)
{
	struct cli cli;
	enum ac_status st;

	hygiene_init();
	st = cli_parse(argc, argv, &cli);
	if (st != AC_OK)
		return (int)st;
	if (cli.help) {
		cli_usage(stdout, cli.cmd);
		return (int)output_finish();
	}
	return (int)run(&cli);
}
