/* cmd_api() in anyreach-cred-api: the API commands themselves. */
#include "../api_launch.h"
#include "commands.h"
#include "http.h"

enum ac_status
cmd_api(const struct cli *cli, const struct store_backend *s)
{
	enum ac_status st = http_init();

	if (st != AC_OK)
		return st;
	switch (cli->cmd) {
	case CMD_VERIFY:
		st = api_verify(cli, s);
		break;
	case CMD_KEYS:
		st = api_keys(cli, s);
		break;
	case CMD_ROTATE:
		st = api_rotate(cli, s);
		break;
	case CMD_LOGOUT:
	default:
		st = api_revoke(cli, s);
		break;
	}
	http_cleanup();
	return st;
}
