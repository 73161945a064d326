/*
 * anyreach-cred: keep Anyreach credentials in the system keyring and hand
 * them to the tools that need them.
 *
 * Built three times, with one store and one set of libraries each (see
 * launch.h): anyreach-cred reads, anyreach-cred-keyring writes through
 * libsecret, anyreach-cred-api calls the API through libcurl.
 */
#include <stdio.h>
#include <string.h>

#include "api_launch.h"
#include "cli.h"
#include "commands.h"
#include "hygiene.h"
#include "launch.h"
#include "output.h"
#include "store_select.h"

static enum ac_status run_with(
    const struct cli *cli, const struct store_backend *store);

static enum ac_status
run(const struct cli *cli)
{
	const struct store_backend *store = NULL;
	enum ac_status st;

	if (cli->cmd == CMD_VERSION) {
		printf("anyreach-cred %s\n", AC_VERSION);
		return output_finish();
	}
	if (cli->cmd == CMD_HELP) {
		/* A bare `anyreach-cred` is a usage error. */
		cli_usage(stderr, CMD_HELP);
		return AC_USAGE;
	}
	st = store_select(cli, &store);
	if (st != AC_OK)
		return st;
	return store ? run_with(cli, store) : launch(LAUNCH_KEYRING, cli);
}

static enum ac_status
run_with(const struct cli *cli, const struct store_backend *store)
{
	switch (cli->cmd) {
	case CMD_LOGIN:
		return cmd_login(cli, store);
	case CMD_GET:
		return cmd_get(cli, store);
	case CMD_LIST:
		return cmd_list(cli, store);
	case CMD_LOGOUT:
		return cli->revoke ? cmd_api(cli, store)
		                   : cmd_logout(cli, store);
	case CMD_VERIFY:
	case CMD_KEYS:
	case CMD_ROTATE:
		return cmd_api(cli, store);
	case CMD_STATUS:
		return cmd_status(cli, store);
	case CMD_EXEC:
		return cmd_exec(cli, store);
	case CMD_DOCTOR:
		return cmd_doctor(cli, store);
	case CMD_SETUP:
		return cmd_setup(cli, store);
	case CMD_GIT:
		return mode_git(cli, store);
	case CMD_DOCKER:
		return mode_docker(cli, store);
	case CMD_CREDENTIAL_HELPER:
		return mode_credential_helper(cli, store);
	default:
		return AC_FAILURE; /* every command is handled above */
	}
}

/* Installed under another name, the binary speaks that tool's protocol:
 * `git-credential-anyreach get` runs as `anyreach-cred git get`. */
static const char *
personality(const char *argv0)
{
	static const char *const names[][2] = {
	    {"git-credential-anyreach", "git"},
	    {"docker-credential-anyreach", "docker"},
	    {"anyreach-credential-helper", "credential-helper"},
	};
	const char *base = strrchr(argv0, '/');

	base = base ? base + 1 : argv0;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(base, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

int
main(int argc, char **argv)
{
	struct cli cli;
	enum ac_status st;

	hygiene_init();
	st = cli_parse(argc, argv, personality(argv[0]), &cli);
	if (st != AC_OK)
		return (int)st;
	if (cli.help) {
		cli_usage(stdout, cli.cmd);
		return (int)output_finish();
	}
	return (int)run(&cli);
}
