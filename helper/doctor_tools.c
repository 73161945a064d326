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

bool
doctor_git_helper(const char *url, char *out, size_t size)
{
	char git[] = "git", config[] = "config", match[] = "--get-urlmatch";
	char key[] = "credential.helper", where[2048];
	char *const argv[] = {git, config, match, key, where, NULL};
	int rc;

	snprintf(where, sizeof(where), "%s", url);
	rc = spawn_capture(argv, out, size);
	out[strcspn(out, "\n")] = '\0';
	return rc >= 0 && rc != 127;
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
