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

/* The parsed config (a new {} when there is none) and its mode. */
static enum ac_status
load(const char *path, cJSON **root, mode_t *mode)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	char *data;
	ssize_t n;

	*mode = 0600;
	if (fd < 0 && errno == ENOENT) {
		*root = cJSON_CreateObject();
		return AC_OK;
	}
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > CONFIG_MAX) {
		if (fd >= 0)
			close(fd);
		return fail(AC_FAILURE, "cannot read %s; not changed", path);
	}
	*mode = st.st_mode & 07777;
	data = xcalloc(1, (size_t)st.st_size + 1);
	n = read(fd, data, (size_t)st.st_size);
	close(fd);
	*root = n == st.st_size ? json_parse_strict(data, (size_t)n) : NULL;
	explicit_bzero(data, (size_t)st.st_size); /* it may hold auths */
	free(data);
	if (*root == NULL || !cJSON_IsObject(*root)) {
		json_delete_wiped(*root);
		return fail(
		    AC_INVALID, "%s is not a JSON object; not changed", path);
	}
	return AC_OK;
}

static enum ac_status
edit(cJSON *root, const char *host, bool undo)
{
	cJSON *helpers = cJSON_GetObjectItemCaseSensitive(root, "credHelpers");
	cJSON *entry = cJSON_GetObjectItemCaseSensitive(helpers, host);

	if (helpers && !cJSON_IsObject(helpers))
		return fail(AC_INVALID, "credHelpers in docker's config.json "
		                        "is not an object; not changed");
	if (undo) {
		if (cJSON_IsString(entry) &&
		    strcmp(entry->valuestring, OURS) == 0)
			cJSON_DeleteItemFromObjectCaseSensitive(helpers, host);
		return AC_OK;
	}
	if (helpers == NULL)
		helpers = cJSON_AddObjectToObject(root, "credHelpers");
	if (entry)
		cJSON_DeleteItemFromObjectCaseSensitive(helpers, host);
	return cJSON_AddStringToObject(helpers, host, OURS)
	           ? AC_OK
	           : fail(AC_FAILURE, "out of memory");
}

/* Write text to path through a new file in the same directory. */
static enum ac_status
replace(const char *dir, const char *path, const char *text, mode_t mode)
{
	char tmp[4200];
	size_t len = strlen(text);
	int fd;
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
	if (!ok) {
		unlink(tmp);
		return fail(AC_FAILURE, "cannot write %s: %s; not changed",
		    path, strerror(errno));
	}
	return AC_OK;
}

enum ac_status
setup_docker(const char *host, bool undo)
{
	char dir[4096], path[4200];
	struct buf text = BUF_INIT(CONFIG_MAX);
	cJSON *root = NULL;
	mode_t mode;
	enum ac_status st = config_path(dir, sizeof(dir), path, sizeof(path));

	if (st == AC_OK)
		st = load(path, &root, &mode);
	if (st == AC_OK)
		st = edit(root, host, undo);
	if (st == AC_OK && json_print_wiped(root, &text) < 0)
		st = fail(AC_FAILURE, "docker's config.json is too large");
	if (st == AC_OK)
		st = replace(dir, path, text.data, mode);
	if (st == AC_OK)
		note("%s credHelpers[\"%s\"] %s", path, host,
		    undo ? "no longer names anyreach" : "= \"anyreach\"");
	json_delete_wiped(root);
	buf_release(&text);
	return st;
}
