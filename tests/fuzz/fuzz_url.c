/* Origins: what the parsers accept is a well-formed origin, and libcurl's
 * own URL parser (CURLU) agrees on its scheme, host and port.  The first
 * byte picks the entry point. */
#include <curl/curl.h>

#include "../../protocol/url.h"
#include "fuzz.h"

static void
check_origin(const struct origin *o)
{
	CHECK(o->port >= 1 && o->port <= 65535);
	CHECK(o->host[0] != '\0');
	for (const char *p = o->host; *p; p++)
		CHECK(!(*p >= 'A' && *p <= 'Z') && (unsigned char)*p > ' ' &&
		      strchr("/@?#%\\", *p) == NULL);
}

/* libcurl must read the same origin from the same text. */
static void
same_as_curl(const char *url, const struct origin *o)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL;

	CHECK(u != NULL);
	CHECK(curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK);
	CHECK(curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK);
	CHECK(curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK);
	CHECK(curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	      CURLUE_OK);
	CHECK(strcmp(scheme, o->https ? "https" : "http") == 0);
	for (char *p = host; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	CHECK(strcmp(host, o->host) == 0);
	CHECK((unsigned)strtoul(port, NULL, 10) == o->port);
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct origin o;
	char *s, *nl;

	if (size < 1)
		return 0;
	s = fuzz_str(data + 1, size - 1);
	if (memchr(data + 1, '\0', size - 1) == NULL) {
		int rc = data[0] % 3 == 0   ? url_parse_origin(s, &o)
		         : data[0] % 3 == 1 ? url_request_origin(s, &o)
		                            : -1;
		if (rc == 0) {
			check_origin(&o);
			same_as_curl(s, &o);
		} else if (data[0] % 3 == 2 && (nl = strchr(s, '\n')) != NULL) {
			*nl = '\0';
			if (url_origin_from_parts(s, nl + 1, &o) == 0)
				check_origin(&o);
		}
	}
	free(s);
	return 0;
}
