#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "../protocol/format.h"
#include "github_env.h"
#include "msg.h"
#include "output.h"

#define GITHUB_OUTPUT_MAX 16384

/* "ghadelimiter_" and 32 random hex digits, as @actions/core does. */
static enum ac_status
make_delimiter(char out[64])
{
	unsigned char r[16];

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		return fail(AC_FAILURE, "no random bytes for the delimiter");
	snprintf(out, 64, "ghadelimiter_");
	for (size_t i = 0; i < sizeof(r); i++)
		snprintf(out + 13 + 2 * i, 3, "%02x", r[i]);
	return AC_OK;
}

static enum ac_status
append(const char *path, const struct buf *env)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);
	ssize_t n;

	if (fd < 0)
		return fail(
		    AC_FAILURE, "cannot open $GITHUB_ENV: %s", strerror(errno));
	n = write(fd, env->data, env->len);
	if (close(fd) < 0 || n != (ssize_t)env->len)
		return fail(AC_FAILURE, "cannot write $GITHUB_ENV");
	return AC_OK;
}

enum ac_status
github_env_write(const struct bearer *b)
{
	const char *actions = getenv("GITHUB_ACTIONS");
	const char *path = getenv("GITHUB_ENV");
	struct buf mask = BUF_INIT(GITHUB_OUTPUT_MAX);
	struct buf env = BUF_INIT(GITHUB_OUTPUT_MAX);
	char delim[64];
	enum ac_status st;

	if (actions == NULL || strcmp(actions, "true") != 0 || path == NULL ||
	    *path != '/')
		return fail(AC_USAGE, "--format github works only inside a "
		                      "GitHub Actions job (GITHUB_ACTIONS and "
		                      "GITHUB_ENV are not set)");
	st = make_delimiter(delim);
	if (st == AC_OK && format_github(b, delim, &mask, &env) < 0)
		st = fail(AC_INVALID, "the credential cannot be written to "
		                      "$GITHUB_ENV safely");
	/* The mask must reach the runner before the value can appear. */
	if (st == AC_OK)
		st = output_write(mask.data, mask.len);
	if (st == AC_OK)
		st = append(path, &env);
	buf_release(&mask);
	buf_release(&env);
	return st;
}
