#include <cjson/cJSON.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../protocol/json_secret.h"
#include "doctor_tools.h"

extern char **environ;

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

/* Run argv with its stdout into out (at most size - 1 bytes). */
static bool
capture(char *const argv[], char *out, size_t size)
{
	posix_spawn_file_actions_t fa;
	int fds[2], status;
	pid_t pid;
	size_t len = 0;
	ssize_t n;

	if (pipe(fds) < 0)
		return false;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawn_file_actions_addopen(
	    &fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	while (pid > 0 && len + 1 < size &&
	       (n = read(fds[0], out + len, size - 1 - len)) > 0)
		len += (size_t)n;
	close(fds[0]);
	out[len] = '\0';
	out[strcspn(out, "\n")] = '\0';
	return pid > 0 && waitpid(pid, &status, 0) == pid &&
	       WIFEXITED(status) && WEXITSTATUS(status) != 127;
}

bool
doctor_git_helper(const char *url, char *out, size_t size)
{
	char git[] = "git", config[] = "config", match[] = "--get-urlmatch";
	char key[] = "credential.helper", where[2048];
	char *const argv[] = {git, config, match, key, where, NULL};

	snprintf(where, sizeof(where), "%s", url);
	return capture(argv, out, size);
}

static char *
read_small_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "re");
	char *data = f ? calloc(1, 1 << 20) : NULL;

	*len = data ? fread(data, 1, (1 << 20) - 1, f) : 0;
	if (f)
		fclose(f);
	return data;
}

bool
doctor_docker_helper(const char *host, char *out, size_t size)
{
	const char *dir = getenv("DOCKER_CONFIG"), *home = getenv("HOME");
	char path[4096];
	size_t len;
	char *data;
	cJSON *root, *helpers, *entry;

	if (dir && *dir)
		snprintf(path, sizeof(path), "%s/config.json", dir);
	else
		snprintf(path, sizeof(path), "%s/.docker/config.json",
		    home ? home : "");
	data = read_small_file(path, &len);
	root = data ? json_parse_strict(data, len) : NULL;
	free(data);
	if (root == NULL)
		return false;
	helpers = cJSON_GetObjectItemCaseSensitive(root, "credHelpers");
	entry = cJSON_GetObjectItemCaseSensitive(helpers, host);
	snprintf(
	    out, size, "%s", cJSON_IsString(entry) ? entry->valuestring : "");
	cJSON_Delete(root);
	return true;
}
