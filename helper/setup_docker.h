/*
 * setup docker: docker's config.json ($DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json) with credHelpers[host] = "anyreach", so docker
 * and docker-style tools run docker-credential-anyreach for the API host.
 * Every other key is kept as it was; the file is replaced atomically
 * (a new file, fsync, rename) with its old mode, 0600 when new.
 */
#ifndef HELPER_SETUP_DOCKER_H
#define HELPER_SETUP_DOCKER_H

#include <stdbool.h>

#include "status.h"

/* Add the entry, or with undo remove it (only if it is ours). */
enum ac_status setup_docker(const char *host, bool undo);

#endif
