/* The JSON readers: docker store and URL input, the header helper's
 * request, and the API's replies.  No crash, no leak, and what they accept
 * is complete.  The first byte picks the reader. */
#include "../../protocol/api_reply.h"
#include "../../protocol/docker.h"
#include "../../protocol/engflow.h"
#include "fuzz.h"

static void
docker(const char *d, size_t n)
{
	struct docker_creds c;
	const char *why = NULL;
	char *url;

	if (docker_parse_store(d, n, &c, &why) == 0) {
		CHECK(*c.server_url && *c.username && *c.secret);
		docker_creds_clear(&c);
	} else {
		CHECK(why && c.secret == NULL);
	}
	url = docker_read_url(d, n);
	CHECK(url == NULL || (*url && !strchr(" \t\r\n", url[0])));
	free(url);
}

static void
api(const char *d, size_t n)
{
	struct api_strings s;
	struct api_created c;
	struct api_keys k;
	char text[API_TEXT_MAX];

	if (api_parse_scopes(d, n, &s) == 0)
		api_strings_clear(&s);
	if (api_parse_created(d, n, &c) == 0) {
		CHECK(c.pat_key && c.expires_ms >= 0);
		api_created_clear(&c);
	}
	if (api_parse_keys(d, n, &k) == 0)
		api_keys_clear(&k);
	if (api_parse_error(d, n, text, sizeof(text)) == 0)
		for (const char *p = text; *p; p++)
			CHECK((unsigned char)*p >= 0x20 && *p != 0x7f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data + 1;
	const char *why = NULL;
	char *uri;

	if (size < 1)
		return 0;
	switch (data[0] % 3) {
	case 0:
		docker(d, size - 1);
		break;
	case 1:
		uri = engflow_parse_request(d, size - 1, &why);
		CHECK(uri != NULL || why != NULL);
		free(uri);
		break;
	default:
		api(d, size - 1);
		break;
	}
	return 0;
}
