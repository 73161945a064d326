#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../protocol/json_secret.h"
#include "msg.h"
#include "setup_docker.h"
#include "xalloc.h"

#define CONFIG_MAX (4 << 20)
#define OURS "anyreach"

static enum ac_status
config_path(char *dir, size_t dsize, char *path, size_t psize)
{
	const char *env = getenv("DOCKER_CONFIG"), *home = getenv("HOME");
	int n;

	if (env && *env)
		n = snprintf(dir, dsize, "%s", env);
	else if (home && *home)
		n = snprintf(dir, dsize, "%s/.docker", home);
	else
		return fail(
		    AC_FAILURE, "neither DOCKER_CONFIG nor HOME is set");
	if (n < 0 || (size_t)n >= dsize ||
	    (size_t)snprintf(path, psize, "%s/config.json", dir) >= psize)
		return fail(AC_FAILURE, "the docker config path is too long");
	return AC_OK;
}

static enum ac_status
unreadable(const char *path, int fd, int why)
{
	if (fd >= 0)
		close(fd);
	if (why == ELOOP)
		return fail(AC_FAILURE,
		    "%s is a symbolic link; setup replaces only a file where "
		    "it is (set DOCKER_CONFIG to the directory it points into)",
		    path);
	return fail(AC_FAILURE, "cannot read %s; not changed", path);
}

enum ac_status
docker_config_load(const char *path, cJSON **root, mode_t *mode)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	char *data;
	ssize_t n;

	*mode = 0600;
	*root = NULL;
	if (fd < 0 && errno == ENOENT) {
		*root = cJSON_CreateObject();
		return AC_OK;
	}
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > CONFIG_MAX)
		return unreadable(path, fd, errno);
	*mode = st.st_mode & 07777;
	if (st.st_uid != geteuid()) {
		close(fd);
		return fail(AC_FAILURE,
		    "%s belongs to another user (run setup as its owner, not "
		    "through sudo); not changed",
		    path);
	}
	if (st.st_size == 0) { /* docker reads an empty file as {} */
		close(fd);
		*root = cJSON_CreateObject();
		return AC_OK;
	}
	data = xcalloc(1, (size_t)st.st_size + 1);
	n = read(fd, data, (size_t)st.st_size);
	close(fd);
	*root = n == st.st_size ? json_parse_strict(data, (size_t)n) : NULL;
	explicit_bzero(data, (size_t)st.st_size); /* it may hold auths */
	free(data);
	if (*root == NULL || !cJSON_IsObject(*root)) {
		json_delete_wiped(*root);
		*root = NULL;
		return fail(
		    AC_INVALID, "%s is not a JSON object; not changed", path);
	}
	return AC_OK;
}

/* Edit root; *changed says whether there is anything to write.  Another
 * tool's helper for the host is left alone: replacing it could not be
 * undone. */
static enum ac_status
edit(cJSON *root, const char *host, bool undo, bool *changed)
{
	cJSON *helpers = cJSON_GetObjectItemCaseSensitive(root, "credHelpers");
	cJSON *entry = cJSON_GetObjectItemCaseSensitive(helpers, host);
	bool ours =
	    cJSON_IsString(entry) && strcmp(entry->valuestring, OURS) == 0;

	*changed = false;
	if (helpers && !cJSON_IsObject(helpers))
		return fail(AC_INVALID, "credHelpers in docker's config.json "
		                        "is not an object; not changed");
	if (undo && ours)
		cJSON_DeleteItemFromObjectCaseSensitive(helpers, host);
	if (undo && ours && cJSON_GetArraySize(helpers) == 0) /* leave no {} */
		cJSON_DeleteItemFromObjectCaseSensitive(root, "credHelpers");
	*changed = undo == ours;
	if (undo || ours)
		return AC_OK;
	if (entry)
		return fail(AC_FAILURE,
		    "docker's config.json already names another credential "
		    "helper for %s; remove that entry first",
		    host);
	if (helpers == NULL)
		helpers = cJSON_AddObjectToObject(root, "credHelpers");
	if (cJSON_AddStringToObject(helpers, host, OURS) == NULL)
		return fail(AC_FAILURE, "out of memory");
	return AC_OK;
}

/* Write text to path through a new file in the same directory. */
static enum ac_status
replace(const char *dir, const char *path, const char *text, mode_t mode)
{
	char tmp[4200];
	size_t len = strlen(text);
	int fd, why;
	bool ok;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >=
	    sizeof(tmp))
		return fail(AC_FAILURE, "the docker config path is too long");
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return fail(
		    AC_FAILURE, "cannot create %s: %s", dir, strerror(errno));
	fd = mkstemp(tmp);
	if (fd < 0)
		return fail(
		    AC_FAILURE, "cannot write in %s: %s", dir, strerror(errno));
	ok = fchmod(fd, mode) == 0 && write(fd, text, len) == (ssize_t)len &&
	     fsync(fd) == 0;
	ok = close(fd) == 0 && ok && rename(tmp, path) == 0;
	if (ok)
		return AC_OK;
	why = errno;
	unlink(tmp);
	return fail(AC_FAILURE, "cannot write %s: %s; not changed", path,
	    strerror(why));
}

enum ac_status
setup_docker(const char *host, bool undo)
{
	char dir[4096], path[4200];
	struct buf text = BUF_INIT(CONFIG_MAX);
	cJSON *root = NULL;
	mode_t mode;
	bool changed = false;
	enum ac_status st = config_path(dir, sizeof(dir), path, sizeof(path));

	if (st == AC_OK && undo && access(path, F_OK) != 0)
		st = AC_OK; /* nothing to undo, and no file to create */
	else if (st == AC_OK)
		st = docker_config_load(path, &root, &mode);
	if (st == AC_OK && root)
		st = edit(root, host, undo, &changed);
	if (st == AC_OK && changed &&
	    json_print_formatted_wiped(root, &text) < 0)
		st = fail(AC_FAILURE, "docker's config.json is too large");
	if (st == AC_OK && changed)
		st = replace(dir, path, text.data, mode);
	if (st == AC_OK)
		note("%s: credHelpers[\"%s\"] %s", path, host,
		    undo ? "does not name anyreach" : "= \"anyreach\"");
	json_delete_wiped(root);
	buf_release(&text);
	return st;
}
