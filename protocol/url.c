#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "url.h"

/* ASCII only: tolower() depends on the locale. */
static char
lower(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (char)(c + ('a' - 'A'));
	return c;
}

static bool
is_host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.';
}

static bool
is_path_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL;
}

/* Labels of 1-63 letters, digits and '-', not starting or ending with
 * '-', joined by single dots: no empty label, so no trailing dot, which
 * would make one origin look like two. */
static bool
dns_name_ok(const char *h)
{
	size_t label = 0;

	for (; *h; h++) {
		if (*h == '.') {
			if (label == 0 || h[-1] == '-')
				return false;
			label = 0;
		} else if (!is_host_char(*h) || (label == 0 && *h == '-') ||
		           ++label > 63)
			return false;
	}
	return label > 0 && h[-1] != '-';
}

/* An IPv6 literal in brackets, written only in its canonical form (RFC
 * 5952, as inet_ntop writes it, hex digits only): one spelling per
 * address, which libcurl then reads the same way.  Forms with a dotted
 * IPv4 tail are refused, as libraries disagree on how to write them. */
static bool
ipv6_ok(const char *h, size_t n)
{
	char inner[URL_HOST_MAX + 1], text[INET6_ADDRSTRLEN];
	struct in6_addr a;

	if (n < 4 || h[0] != '[' || h[n - 1] != ']')
		return false;
	memcpy(inner, h + 1, n - 2);
	inner[n - 2] = '\0';
	return inet_pton(AF_INET6, inner, &a) == 1 &&
	       inet_ntop(AF_INET6, &a, text, sizeof(text)) != NULL &&
	       strcmp(text, inner) == 0 && strchr(inner, '.') == NULL;
}

/* URL parsers (curl's, browsers') read a host whose last label is a number
 * as an IPv4 address in any of its old spellings ("127.1", "0x7f.1",
 * "2130706433"); only the plain dotted quad is accepted, so that a host
 * means the same thing to us as to libcurl. */
static bool
ipv4_spelling_ok(const char *h)
{
	const char *last = strrchr(h, '.');
	struct in_addr a;

	last = last ? last + 1 : h;
	if (strspn(last, "0123456789") != strlen(last) &&
	    strncmp(last, "0x", 2) != 0)
		return true; /* a name, not a number */
	return inet_pton(AF_INET, h, &a) == 1;
}

/* Copy [s, end) lowercased into o->host: a DNS name or IPv4 literal, or an
 * IPv6 literal in brackets. */
static int
parse_host(const char *s, const char *end, struct origin *o)
{
	size_t n = (size_t)(end - s);

	if (n == 0 || n > URL_HOST_MAX)
		return -1;
	for (size_t i = 0; i < n; i++)
		o->host[i] = lower(s[i]);
	o->host[n] = '\0';
	if (ipv6_ok(o->host, n))
		return 0;
	return dns_name_ok(o->host) && ipv4_spelling_ok(o->host) ? 0 : -1;
}

/* Digits only, 1..65535: no sign, no leading zero, no wraparound. */
static int
parse_port(const char *s, const char *end, unsigned *port)
{
	unsigned long v = 0;

	if (s == end || end - s > 5 || *s == '0')
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	if (v > 65535)
		return -1;
	*port = (unsigned)v;
	return 0;
}

/* The end of the host part of [host, end): after "]" for an IPv6 literal,
 * else at the first ":" or at end. */
static const char *
host_end(const char *host, const char *end)
{
	const char *p;

	if (host < end && host[0] == '[') {
		p = memchr(host, ']', (size_t)(end - host));
		return p ? p + 1 : NULL;
	}
	p = memchr(host, ':', (size_t)(end - host));
	return p ? p : end;
}

/* "http" or "https", in any case (RFC 3986 schemes are case-insensitive). */
static int
parse_scheme(const char *s, size_t n, struct origin *o)
{
	if (n == 5 && strncasecmp(s, "https", 5) == 0)
		o->https = true;
	else if (n == 4 && strncasecmp(s, "http", 4) == 0)
		o->https = false;
	else
		return -1;
	return 0;
}

/* host[:port] filling [s, end), nothing else. */
static int
parse_authority(const char *s, const char *end, struct origin *o)
{
	const char *hend = host_end(s, end);

	if (hend == NULL)
		return -1;
	o->port = o->https ? 443 : 80;
	if (hend < end &&
	    (*hend != ':' || parse_port(hend + 1, end, &o->port) < 0))
		return -1;
	return parse_host(s, hend, o);
}

/* Split "scheme://rest" and parse the scheme; *rest points after "//". */
static int
parse_prefix(const char *url, struct origin *o, const char **rest)
{
	const char *sep;

	if (strlen(url) > URL_MAX)
		return -1;
	sep = strstr(url, "://");
	if (sep == NULL || parse_scheme(url, (size_t)(sep - url), o) < 0)
		return -1;
	*rest = sep + 3;
	return 0;
}

int
url_parse_origin(const char *url, struct origin *o)
{
	const char *host, *end;

	if (parse_prefix(url, o, &host) < 0)
		return -1;
	end = host + strcspn(host, "/");
	for (const char *p = end; *p; p++)
		if (!is_path_char(*p))
			return -1;
	return parse_authority(host, end, o);
}

int
url_request_origin(const char *uri, struct origin *o)
{
	const char *host;

	/* White space or a control byte anywhere makes it no URL at all. */
	for (const char *p = uri; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return -1;
	if (parse_prefix(uri, o, &host) < 0)
		return -1;
	return parse_authority(host, host + strcspn(host, "/?#"), o);
}

int
url_origin_from_parts(
    const char *scheme, const char *hostport, struct origin *o)
{
	size_t n = strlen(hostport);

	if (n > URL_MAX || parse_scheme(scheme, strlen(scheme), o) < 0)
		return -1;
	return parse_authority(hostport, hostport + n, o);
}

bool
origin_equal(const struct origin *a, const struct origin *b)
{
	return a->https == b->https && a->port == b->port &&
	       strcmp(a->host, b->host) == 0;
}

/* 127.0.0.0/8 written as a strict dotted quad. */
static bool
is_ipv4_loopback(const char *h)
{
	struct in_addr a;

	return inet_pton(AF_INET, h, &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

bool
origin_is_loopback(const struct origin *o)
{
	return strcmp(o->host, "localhost") == 0 ||
	       strcmp(o->host, "[::1]") == 0 || is_ipv4_loopback(o->host);
}

int
url_origin_hostport(const struct origin *o, char *out, size_t size)
{
	int n;

	if (o->port == (o->https ? 443u : 80u))
		n = snprintf(out, size, "%s", o->host);
	else
		n = snprintf(out, size, "%s:%u", o->host, o->port);
	return n >= 0 && (size_t)n < size ? 0 : -1;
}

int
url_origin_text(const struct origin *o, char *out, size_t size)
{
	char hostport[URL_HOST_MAX + 8];
	int n;

	if (url_origin_hostport(o, hostport, sizeof(hostport)) < 0)
		return -1;
	n = snprintf(
	    out, size, "%s://%s", o->https ? "https" : "http", hostport);
	return n >= 0 && (size_t)n < size ? 0 : -1;
}
