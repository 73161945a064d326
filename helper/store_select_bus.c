#include <string.h>

#include "store_bus.h"
#include "store_cache.h"
#include "store_choice.h"
#include "store_select.h"

/* What this executable runs itself: the commands that only read a
 * credential, which calling tools run on every request, and those that
 * need no store here (help, version, and the API commands, which go
 * straight to anyreach-cred-api).  A protocol's operation is in argv, so
 * the choice is made before anything is read from standard input. */
static bool
runs_here(const struct cli *cli)
{
	const char *op = cli->nargs > 0 ? cli->args[0] : "";

	switch (cli->cmd) {
	case CMD_GET:
	case CMD_EXEC:
	case CMD_DOCTOR:
	case CMD_SETUP:
	case CMD_CREDENTIAL_HELPER:
	case CMD_HELP:
	case CMD_VERSION:
	case CMD_VERIFY:
	case CMD_KEYS:
	case CMD_ROTATE:
		return true;
	case CMD_LOGOUT:
		return cli->revoke;
	case CMD_GIT:
	case CMD_DOCKER:
		return strcmp(op, "get") == 0;
	default:
		return false;
	}
}

/* The kernel store needs no other library: every command runs here. */
enum ac_status
store_select(const struct cli *cli, const struct store_backend **out)
{
	enum ac_status st = store_chosen(out);

	if (st == AC_OK && *out == NULL && runs_here(cli))
		st = store_cached(store_bus_reader(), out);
	return st;
}
