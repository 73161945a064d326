/*
 * Origins (scheme, host, port) of the URLs anyreach-cred deals with: the
 * configured API base URL now, and the hosts that callers ask about.  The
 * parser is deliberately narrower than RFC 3986: no user info, no query, no
 * fragment, no percent-encoding, so there is one way to write each origin.
 */
#ifndef PROTOCOL_URL_H
#define PROTOCOL_URL_H

#include <stdbool.h>
#include <stddef.h>

#define URL_HOST_MAX 253
#define URL_MAX 2048

struct origin {
	bool https;                  /* otherwise http */
	char host[URL_HOST_MAX + 1]; /* lowercased; IPv6 keeps its brackets */
	unsigned port;               /* default port filled in */
};

/* A configured base URL: "http(s)://host[:port][/path]" with a plain path.
 * 0 on success, -1 if refused. */
int url_parse_origin(const char *url, struct origin *o);

/* The origin of a URI a caller asks about: "http(s)://host[:port]" then
 * anything that starts with "/", "?" or "#", which is ignored. */
int url_request_origin(const char *uri, struct origin *o);

/* A scheme and a "host[:port]" given apart, as git sends them. */
int url_origin_from_parts(
    const char *scheme, const char *hostport, struct origin *o);

bool origin_equal(const struct origin *a, const struct origin *b);

/* "host" or "host:port" when the port is not the scheme's default (as
 * docker names a registry), and "scheme://" that (as git names a URL);
 * 0, or -1 when size is too small. */
int url_origin_hostport(const struct origin *o, char *out, size_t size);
int url_origin_text(const struct origin *o, char *out, size_t size);

/* Whether the host is 127.0.0.0/8, ::1 or localhost. */
bool origin_is_loopback(const struct origin *o);

#endif
