/*
 * setup docker: docker's config.json ($DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json) with credHelpers[host] = "anyreach", so docker
 * and docker-style tools run docker-credential-anyreach for the API host.
 * Every other key is kept as it was; the file is replaced atomically
 * (a new file, fsync, rename) with its old mode, 0600 when new.
 */
#ifndef HELPER_SETUP_DOCKER_H
#define HELPER_SETUP_DOCKER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <sys/types.h>

#include "status.h"

/* Parse config.json at path (a new {} when there is none; not a symbolic
 * link), reading it into a buffer that is wiped, as it may hold auths:
 * free *root with json_delete_wiped().  *mode is its mode, or 0600. */
enum ac_status docker_config_load(const char *path, cJSON **root, mode_t *mode);

/* Add the entry, or with undo remove it (only if it is ours). */
enum ac_status setup_docker(const char *host, bool undo);

#endif
