#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../protocol/json_secret.h"
#include "doctor_tools.h"
#include "setup_docker.h"
#include "spawn.h"

bool
doctor_on_path(const char *name, char *path, size_t size)
{
	const char *dirs = getenv("PATH");
	const char *d = dirs ? dirs : "";

	while (*d) {
		size_t len = strcspn(d, ":");
		int n = snprintf(path, size, "%.*s/%s", (int)len, d, name);
		if (len > 0 && n > 0 && (size_t)n < size &&
		    access(path, X_OK) == 0)
			return true;
		d += len + (d[len] == ':');
	}
	return false;
}

/* Whether key (of `git config --get-regexp`) sets the helpers for url:
 * credential.helper, or credential.<url>.helper with or without a final
 * slash.  git's wildcard URL patterns are not followed. */
static bool
applies(const char *key, size_t klen, const char *url)
{
	size_t ulen = strlen(url);
	const char *rest = key + strlen("credential.");

	if (klen == strlen("credential.helper"))
		return strncmp(key, "credential.helper", klen) == 0;
	if (klen < strlen("credential.") + ulen + strlen(".helper") ||
	    strncmp(key, "credential.", strlen("credential.")) != 0 ||
	    strncmp(rest, url, ulen) != 0)
		return false;
	rest += ulen;
	if (*rest == '/')
		rest++;
	return (size_t)(rest - key) + strlen(".helper") == klen &&
	       strncmp(rest, ".helper", strlen(".helper")) == 0;
}

/* Lines "key value" in the order git reads them; an empty value clears
 * the list, as git does. */
static void
helper_list(char *lines, const char *url, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (char *line = lines; *line;) {
		char *end = line + strcspn(line, "\n");
		size_t klen = strcspn(line, " \n");
		const char *value = line[klen] == ' ' ? line + klen + 1 : end;
		int n = 0;

		if (applies(line, klen, url) && value == end)
			used = 0;
		else if (applies(line, klen, url))
			n = snprintf(out + used, size - used, "%s%.*s",
			    used ? ", " : "", (int)(end - value), value);
		if (n > 0 && (size_t)n < size - used)
			used += (size_t)n;
		out[used] = '\0';
		line = *end ? end + 1 : end;
	}
}

bool
doctor_git_helpers(const char *url, char *out, size_t size)
{
	char git[] = "git", config[] = "config", regexp[] = "--get-regexp";
	char key[] = "^credential\\..*helper$", lines[16384];
	char *const argv[] = {git, config, regexp, key, NULL};
	int rc = spawn_capture(argv, lines, sizeof(lines));

	if (rc < 0 || rc == 127)
		return false;
	helper_list(lines, url, out, size);
	return true;
}

bool
doctor_docker_helper(const char *host, char *out, size_t size)
{
	const char *dir = getenv("DOCKER_CONFIG"), *home = getenv("HOME");
	char path[4096];
	cJSON *root = NULL, *entry;
	mode_t mode;

	if (dir && *dir)
		snprintf(path, sizeof(path), "%s/config.json", dir);
	else
		snprintf(path, sizeof(path), "%s/.docker/config.json",
		    home ? home : "");
	if (access(path, F_OK) != 0 ||
	    docker_config_load(path, &root, &mode) != AC_OK)
		return false;
	entry = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(root, "credHelpers"), host);
	snprintf(
	    out, size, "%s", cJSON_IsString(entry) ? entry->valuestring : "");
	json_delete_wiped(root);
	return true;
}
