/* Origins: the exact-match rule that keeps a secret on its own host. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/url.h"

static struct origin api;

static int
setup(void **state)
{
	(void)state;
	return url_parse_origin("https://api.anyreach.ai", &api);
}

static bool
git_matches(const char *scheme, const char *host)
{
	struct origin o;

	return url_origin_from_parts(scheme, host, &o) == 0 &&
	       origin_equal(&o, &api);
}

static bool
uri_matches(const char *uri)
{
	struct origin o;

	return url_request_origin(uri, &o) == 0 && origin_equal(&o, &api);
}

static void
test_git_hosts(void **state)
{
	(void)state;
	assert_true(git_matches("https", "api.anyreach.ai"));
	assert_true(git_matches("https", "API.AnyReach.AI"));
	assert_true(git_matches("HTTPS", "api.anyreach.ai:443"));
	assert_false(git_matches("http", "api.anyreach.ai"));
	assert_false(git_matches("https", "api.anyreach.ai:8443"));
	assert_false(git_matches("https", "api.anyreach.ai.evil.com"));
	assert_false(git_matches("https", "evil.com/api.anyreach.ai"));
	assert_false(git_matches("https", "api.anyreach.ai/x"));
	assert_false(git_matches("https", "api%2eanyreach.ai"));
	assert_false(git_matches("https", "user@api.anyreach.ai"));
	assert_false(git_matches("https", ""));
	assert_false(git_matches("https", "api.anyreach.ai:"));
	assert_false(git_matches("https", "api.anyreach.ai:abc"));
	assert_false(git_matches("https", "api.anyreach.ai:0"));
	assert_false(git_matches("https", "api.anyreach.ai:65536"));
	assert_false(git_matches("https", "api.anyreach.ai:0443"));
	assert_false(git_matches("https", "api.anyreach.ai\n"));
	assert_false(git_matches("https", "\xd0\xb0pi.anyreach.ai"));
	assert_false(git_matches("cert", "api.anyreach.ai"));
	assert_false(git_matches("", "api.anyreach.ai"));
}

static void
test_request_uris(void **state)
{
	(void)state;
	assert_true(uri_matches("https://api.anyreach.ai"));
	assert_true(uri_matches("https://api.anyreach.ai/admin/x?y=1#z"));
	assert_true(uri_matches("https://api.anyreach.ai:443/"));
	assert_true(uri_matches("https://api.anyreach.ai?x"));
	assert_false(uri_matches("https://api.anyreach.ai@evil.com/"));
	assert_false(uri_matches("https://evil.com#@api.anyreach.ai"));
	assert_false(uri_matches("https://api.anyreach.ai.evil.com/"));
	assert_false(uri_matches("grpcs://api.anyreach.ai"));
	assert_false(uri_matches("api.anyreach.ai"));
	assert_false(uri_matches("https:///api.anyreach.ai"));
	assert_false(uri_matches("https://api.anyreach.ai\\@evil.com"));
	assert_false(uri_matches("https://api.anyreach.ai/a\nb"));
	assert_false(uri_matches("https://api.anyreach.ai/a b"));
}

static void
test_configured_urls(void **state)
{
	struct origin o;

	(void)state;
	assert_int_equal(url_parse_origin("http://[::1]:8080/api", &o), 0);
	assert_string_equal(o.host, "[::1]");
	assert_int_equal(o.port, 8080);
	assert_true(origin_is_loopback(&o));
	assert_int_equal(url_parse_origin("http://127.0.0.1:9", &o), 0);
	assert_true(origin_is_loopback(&o));
	assert_int_equal(url_parse_origin("http://127.0.0.1.evil.com", &o), 0);
	assert_false(origin_is_loopback(&o));
	assert_int_equal(url_parse_origin("http://localhost.evil.com", &o), 0);
	assert_false(origin_is_loopback(&o));
	assert_int_equal(url_parse_origin("https://a.ai/x?q", &o), -1);
	/* Not loopback unless a strict dotted quad in 127/8. */
	static const char *const not_loopback[] = {"http://127...",
	    "http://127.0.0.", "http://127.999.999.999", "http://127.1"};
	for (size_t i = 0; i < sizeof(not_loopback) / sizeof(*not_loopback);
	     i++)
		assert_true(url_parse_origin(not_loopback[i], &o) < 0 ||
		            !origin_is_loopback(&o));
	/* One spelling per host: no empty labels or trailing dots. */
	static const char *const bad_hosts[] = {"https://a..ai",
	    "https://a.ai.", "https://.a.ai", "https://-a.ai", "https://a-.ai",
	    "https://[:]", "https://[]", "https://[::1]x", "https://0",
	    "https://127.1", "https://0x7f.0.0.1", "https://2130706433",
	    "https://127.000.0.1", "https://a.1", "https://[0::1]",
	    "https://[::ffff:1.2.3.4]", "https://[::2:443]"};
	for (size_t i = 0; i < sizeof(bad_hosts) / sizeof(*bad_hosts); i++)
		assert_int_equal(url_parse_origin(bad_hosts[i], &o), -1);
	assert_int_equal(url_parse_origin("https://[::1", &o), -1);
	assert_int_equal(url_parse_origin("https://[g::1]", &o), -1);
}

/* What setup writes into git's and docker's configuration. */
static void
test_origin_text(void **state)
{
	struct origin o;
	char text[64], small[12];

	(void)state;
	assert_int_equal(url_origin_text(&api, text, sizeof(text)), 0);
	assert_string_equal(text, "https://api.anyreach.ai");
	assert_int_equal(url_origin_hostport(&api, text, sizeof(text)), 0);
	assert_string_equal(text, "api.anyreach.ai");
	assert_int_equal(url_parse_origin("http://127.0.0.1:8080/v1", &o), 0);
	assert_int_equal(url_origin_text(&o, text, sizeof(text)), 0);
	assert_string_equal(text, "http://127.0.0.1:8080");
	assert_int_equal(url_parse_origin("https://[::1]:443", &o), 0);
	assert_int_equal(url_origin_hostport(&o, text, sizeof(text)), 0);
	assert_string_equal(text, "[::1]");
	assert_int_equal(url_origin_text(&api, small, sizeof(small)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_git_hosts),
	    cmocka_unit_test(test_request_uris),
	    cmocka_unit_test(test_configured_urls),
	    cmocka_unit_test(test_origin_text),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
