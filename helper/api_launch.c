#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "api_launch.h"
#include "msg.h"

/* Where `make install` puts it, relative to this binary's directory, then
 * beside it (the build tree). */
static const char *const places[] = {
    "/../libexec/anyreach-cred/anyreach-cred-api",
    "/anyreach-cred-api",
};

enum ac_status
cmd_api(const struct cli *cli, const struct store_backend *s)
{
	char self[PATH_MAX], path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	const char *dir;

	(void)s;
	if (n < 0)
		return fail(AC_FAILURE, "cannot find this program's directory");
	self[n] = '\0';
	dir = dirname(self);
	for (size_t i = 0; i < sizeof(places) / sizeof(*places); i++) {
		int len = snprintf(path, sizeof(path), "%s%s", dir, places[i]);
		if (len > 0 && (size_t)len < sizeof(path) &&
		    access(path, X_OK) == 0) {
			execv(path, cli->argv);
			return fail(AC_FAILURE, "cannot run %s: %s", path,
			    strerror(errno));
		}
	}
	return fail(AC_FAILURE, "the API commands need anyreach-cred-api, "
	                        "which is not installed beside this program; "
	                        "reinstall anyreach-cred");
}
