/*
 * The HTTP client for the Anyreach API, on libcurl.  Only the API
 * executable links this (see README, "Design").
 *
 * Rules that hold for every request: https only (plain http only to a
 * loopback API URL), certificate checks always on and no way to turn
 * them off, no redirects followed (the org header would travel with
 * them), no .netrc, connect/total/low-speed timeouts, a reply capped at
 * 1 MiB while it is read, proxies from the environment as curl reads them,
 * and retries with backoff only for idempotent requests on 429 and 5xx.
 */
#ifndef HELPER_API_HTTP_H
#define HELPER_API_HTTP_H

#include <stdbool.h>

#include "../../protocol/bearer.h"
#include "../../protocol/buf.h"
#include "../../protocol/url.h"
#include "../status.h"

#define HTTP_BODY_MAX ((size_t)1024 * 1024)

struct http_request {
	const char *method; /* GET, POST or DELETE */
	const char *base;   /* the API base URL, already validated */
	const char *path;   /* from "/", built from checked parts only */
	const struct bearer *auth;
	const char *json; /* request body, or NULL */
};

struct http_response {
	long status;
	struct buf body;            /* wiped by http_response_clear */
	char location[URL_MAX + 1]; /* of a redirect, "" if none */
};

/* Start and stop libcurl, once per process. */
enum ac_status http_init(void);
void http_cleanup(void);

/* Send rq; rs holds the final answer.  Network and TLS failures are
 * reported here (AC_NETWORK, AC_TLS); HTTP statuses are the caller's. */
enum ac_status http_send(
    const struct http_request *rq, struct http_response *rs);
void http_response_clear(struct http_response *rs);

#endif
