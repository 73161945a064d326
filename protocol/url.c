#include <string.h>

#include "url.h"

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

/* Copy [s, end) lowercased into o->host: a DNS name or IPv4 literal, or an
 * IPv6 literal in brackets. */
static int
parse_host(const char *s, const char *end, struct origin *o)
{
	size_t n = (size_t)(end - s);
	bool v6 = n > 2 && s[0] == '[' && end[-1] == ']';

	if (n == 0 || n > URL_HOST_MAX)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (v6 ? (i > 0 && i < n - 1 &&
		             !(c == ':' || (c >= '0' && c <= '9') ||
		                 (c >= 'a' && c <= 'f')))
		       : !is_host_char(c))
			return -1;
		o->host[i] = c;
	}
	o->host[n] = '\0';
	return o->host[0] == '.' || o->host[0] == '-' ? -1 : 0;
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

int
url_parse_origin(const char *url, struct origin *o)
{
	const char *host, *end, *hend;

	if (strlen(url) > URL_MAX)
		return -1;
	if (strncmp(url, "https://", 8) == 0)
		o->https = true;
	else if (strncmp(url, "http://", 7) == 0)
		o->https = false;
	else
		return -1;
	host = url + (o->https ? 8 : 7);
	end = host + strcspn(host, "/");
	for (const char *p = end; *p; p++)
		if (!is_path_char(*p))
			return -1;
	hend = host_end(host, end);
	if (hend == NULL)
		return -1;
	o->port = o->https ? 443 : 80;
	if (hend < end &&
	    (*hend != ':' || parse_port(hend + 1, end, &o->port) < 0))
		return -1;
	return parse_host(host, hend, o);
}

/* 127.0.0.0/8 written as a dotted quad. */
static bool
is_ipv4_loopback(const char *h)
{
	int dots = 0;

	if (strncmp(h, "127.", 4) != 0)
		return false;
	for (h += 4; *h; h++) {
		if (*h == '.')
			dots++;
		else if (*h < '0' || *h > '9')
			return false;
	}
	return dots == 2;
}

bool
origin_is_loopback(const struct origin *o)
{
	return strcmp(o->host, "localhost") == 0 ||
	       strcmp(o->host, "[::1]") == 0 || is_ipv4_loopback(o->host);
}
