/*
 * For doctor: whether the calling tools can find anyreach-cred, and
 * whether they are configured to use it for the API's host.
 */
#ifndef HELPER_DOCTOR_TOOLS_H
#define HELPER_DOCTOR_TOOLS_H

#include <stdbool.h>
#include <stddef.h>

/* The first executable `name` on PATH into path, or false. */
bool doctor_on_path(const char *name, char *path, size_t size);

/* The credential helpers git asks for URL, in its order and after the
 * last empty value (which clears the list), as "a, b" into out ("" for
 * none); false when git cannot be run. */
bool doctor_git_helpers(const char *url, char *out, size_t size);

/* The credHelpers entry of docker's config.json for host into out ("" for
 * none); false when there is no readable, valid config.json. */
bool doctor_docker_helper(const char *host, char *out, size_t size);

#endif
