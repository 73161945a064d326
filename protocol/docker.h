/*
 * The docker-credential-helpers protocol: raw server URLs on stdin for get
 * and erase, a JSON object for store, JSON answers, and errors as fixed
 * texts on stdout that the docker client compares.
 */
#ifndef PROTOCOL_DOCKER_H
#define PROTOCOL_DOCKER_H

#include <stddef.h>

#include "buf.h"

#define DOCKER_INPUT_MAX 65536 /* Go's own scanner refuses longer lines */
#define DOCKER_NOT_FOUND "credentials not found in native keychain"
#define DOCKER_NO_URL "no credentials server URL"
#define DOCKER_NO_USERNAME "no credentials username"
#define DOCKER_NO_SECRET "no credentials secret"

struct docker_creds {
	char *server_url;
	char *username;
	char *secret; /* wiped by docker_creds_clear */
};

/* The server URL of a get or erase: the input without surrounding white
 * space, as a new string; NULL if it is empty, too long or holds NUL. */
char *docker_read_url(const char *data, size_t len);

/* Parse store input: one object whose keys ServerURL, Username and Secret
 * (matched without regard to case, as Go does) are strings and appear once;
 * other keys are ignored.  0, or -1 with *why: DOCKER_NO_URL,
 * DOCKER_NO_USERNAME or DOCKER_NO_SECRET when one is missing or empty,
 * else a short reason. */
int docker_parse_store(
    const char *data, size_t len, struct docker_creds *c, const char **why);
void docker_creds_clear(struct docker_creds *c);

/* {"ServerURL":...,"Username":...,"Secret":...} */
int docker_get_response(const char *server_url, const char *username,
    const char *secret, struct buf *out);

/* {"<server_url>":"<username>"}, or {} when server_url is NULL. */
int docker_list_response(
    const char *server_url, const char *username, struct buf *out);

#endif
