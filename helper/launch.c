#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launch.h"
#include "msg.h"
#include "xalloc.h"

static const char *const places[] = {
    "/../libexec/anyreach-cred/",
    "/",
};

/* The command line for program: a personality, which argv[0] carried,
 * becomes the command it stands for (`git-credential-anyreach get` is
 * `anyreach-cred git get`), so nothing depends on argv[0] surviving the
 * exec (valgrind, for one, replaces it). */
static char **
command_line(const char *program, const struct cli *cli)
{
	size_t n = 0, at = 0;
	char **argv;

	while (cli->argv[n])
		n++;
	argv = xcalloc(n + 2, sizeof(*argv));
	argv[at++] = xmemdup(program, strlen(program));
	if (cli->as)
		argv[at++] = xmemdup(cli->as, strlen(cli->as));
	for (size_t i = 1; i < n; i++)
		argv[at++] = cli->argv[i];
	return argv;
}

static void
command_line_free(char **argv, const struct cli *cli)
{
	free(argv[0]);
	if (cli->as)
		free(argv[1]);
	free(argv);
}

enum ac_status
launch(const char *program, const struct cli *cli)
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
			char **argv = command_line(program, cli);
			int why;

			execv(path, argv);
			why = errno;
			command_line_free(argv, cli);
			return fail(AC_FAILURE, "cannot run %s: %s", path,
			    strerror(why));
		}
	}
	return fail(AC_FAILURE,
	    "this command needs %s, which is not installed beside this "
	    "program; reinstall anyreach-cred",
	    program);
}
