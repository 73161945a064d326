#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "store_lock.h"

static int
lock_dir(char *path, size_t size)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	const char *cache = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;

	if (run && *run == '/')
		n = snprintf(path, size, "%s/anyreach-cred", run);
	else if (cache && *cache == '/')
		n = snprintf(path, size, "%s/anyreach-cred", cache);
	else if (home && *home == '/')
		n = snprintf(path, size, "%s/.cache/anyreach-cred", home);
	else
		return -1;
	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* mkdir -p, each missing directory 0700 (~/.cache may not exist yet). */
static int
make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

/* Our directory: created 0700, and refused if it is not ours alone. */
static int
open_dir(char *path)
{
	struct stat st;
	int fd;

	if (make_dirs(path) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_uid != geteuid() ||
	    (st.st_mode & 077) != 0) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

static int
wait_for_lock(int fd, unsigned seconds)
{
	const struct timespec step = {0, 10L * 1000 * 1000};
	unsigned tries = seconds * 100;

	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK || tries-- == 0)
			return -1;
		nanosleep(&step, NULL);
	}
	return 0;
}

enum lock_step { LOCK_DIR, LOCK_MODE, LOCK_OPEN, LOCK_DONE };

/* The lock file, open but not locked, in *fd; else the step that failed
 * (errno says why, path names the directory). */
static enum lock_step
open_lock(char *path, size_t size, int *fd)
{
	int dir;

	*fd = -1;
	if (lock_dir(path, size) < 0)
		return LOCK_DIR;
	dir = open_dir(path);
	if (dir < 0)
		return LOCK_MODE;
	*fd = openat(
	    dir, "store.lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	close(dir);
	return *fd < 0 ? LOCK_OPEN : LOCK_DONE;
}

enum ac_status
store_lock(unsigned seconds, int *fd)
{
	char path[4096];

	switch (open_lock(path, sizeof(path), fd)) {
	case LOCK_DIR:
		return fail(AC_FAILURE, "no place for the lock file: set "
		                        "XDG_RUNTIME_DIR or HOME");
	case LOCK_MODE:
		return fail(AC_FAILURE,
		    "cannot use %s (it must be a directory of yours with mode "
		    "0700): %s",
		    path, strerror(errno));
	case LOCK_OPEN:
		return fail(AC_FAILURE, "cannot open the lock file in %s: %s",
		    path, strerror(errno));
	case LOCK_DONE:
		break;
	}
	if (wait_for_lock(*fd, seconds) < 0) {
		close(*fd);
		return fail(AC_FAILURE, "another anyreach-cred is still "
		                        "storing a credential; try again");
	}
	return AC_OK;
}

void
store_unlock(int fd)
{
	close(fd);
}
