#include "api_launch.h"
#include "launch.h"

enum ac_status
cmd_api(const struct cli *cli, const struct store_backend *s)
{
	(void)s;
	return launch(LAUNCH_API, cli);
}
