#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "launch.h"
#include "msg.h"

static const char *const places[] = {
    "/../libexec/anyreach-cred/",
    "/",
};

enum ac_status
launch(const char *program, char *const argv[])
{
	char self[PATH_MAX], path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	const char *dir;

	if (n < 0)
		return fail(AC_FAILURE, "cannot find this program's directory");
	self[n] = '\0';
	dir = dirname(self);
	for (size_t i = 0; i < sizeof(places) / sizeof(*places); i++) {
		int len = snprintf(
		    path, sizeof(path), "%s%s%s", dir, places[i], program);
		if (len > 0 && (size_t)len < sizeof(path) &&
		    access(path, X_OK) == 0) {
			execv(path, argv);
			return fail(AC_FAILURE, "cannot run %s: %s", path,
			    strerror(errno));
		}
	}
	return fail(AC_FAILURE,
	    "this command needs %s, which is not installed beside this "
	    "program; reinstall anyreach-cred",
	    program);
}
