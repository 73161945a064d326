/* Replies of the Anyreach API: the documented shapes, the inferred
 * variants, and everything refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../helper/expiry.h"
#include "../../protocol/api_reply.h"

#define PARSE(fn, text, out) fn(text, strlen(text), out)

static void
test_scopes(void **state)
{
	struct api_strings s;

	(void)state;
	assert_int_equal(
	    PARSE(api_parse_scopes, "[\"a:read\",\"b:manage\"]", &s), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.v[1], "b:manage");
	api_strings_clear(&s);
	/* [INF] an object holding the list */
	assert_int_equal(
	    PARSE(api_parse_scopes, "{\"scopes\":[\"a:read\"]}", &s), 0);
	assert_int_equal(s.n, 1);
	api_strings_clear(&s);
	assert_int_equal(PARSE(api_parse_scopes, "[]", &s), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(PARSE(api_parse_scopes, "[1]", &s), -1);
	assert_int_equal(PARSE(api_parse_scopes, "[\"\"]", &s), -1);
	assert_int_equal(PARSE(api_parse_scopes, "{\"x\":1}", &s), -1);
	assert_int_equal(PARSE(api_parse_scopes, "[\"a\"] x", &s), -1);
	assert_int_equal(PARSE(api_parse_scopes, "<html>", &s), -1);
}

static int
error_text(const char *json, char *out)
{
	return api_parse_error(json, strlen(json), out, API_TEXT_MAX);
}

static void
test_errors(void **state)
{
	char out[API_TEXT_MAX];

	(void)state;
	assert_int_equal(
	    error_text("{\"detail\":\"Conversation not found\"}", out), 0);
	assert_string_equal(out, "Conversation not found");
	assert_int_equal(
	    error_text("{\"error\":\"Missing Bearer token\"}", out), 0);
	assert_string_equal(out, "Missing Bearer token");
	assert_int_equal(error_text("{\"detail\":\"\\u001b[2Jx\\n\"}", out), 0);
	assert_string_equal(out, "?[2Jx?");
	assert_int_equal(error_text("{\"detail\":[1]}", out), -1);
}

static void
test_created(void **state)
{
	struct api_created c;

	(void)state;
	assert_int_equal(PARSE(api_parse_created,
	                     "{\"pat_key\":\"ak_1.s\",\"expires_at\":"
	                     "1767225600000,\"name\":\"n\"}",
	                     &c),
	    0);
	assert_string_equal(c.pat_key, "ak_1.s");
	assert_true(c.expires_ms == 1767225600000LL);
	api_created_clear(&c);
	assert_null(c.pat_key);
	/* [INF] seconds below 10^12 */
	assert_int_equal(
	    PARSE(api_parse_created,
	        "{\"pat_key\":\"ak_1.s\",\"expires_at\":1767225600}", &c),
	    0);
	assert_true(c.expires_ms == 1767225600000LL);
	api_created_clear(&c);
	assert_int_equal(
	    PARSE(api_parse_created,
	        "{\"pat_key\":\"ak_1.s\",\"expires_at\":null}", &c),
	    0);
	assert_true(c.expires_ms == 0);
	api_created_clear(&c);
	static const char *const bad[] = {"{}", "{\"pat_key\":1}",
	    "{\"pat_key\":\"a\",\"expires_at\":\"2026\"}",
	    "{\"pat_key\":\"a\",\"expires_at\":-5}",
	    "{\"pat_key\":\"a\",\"expires_at\":1.5}",
	    "{\"pat_key\":\"a\",\"expires_at\":1e300}", "[\"pat_key\"]"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_int_equal(PARSE(api_parse_created, bad[i], &c), -1);
}

static void
test_keys(void **state)
{
	struct api_keys k;

	(void)state;
	assert_int_equal(
	    PARSE(api_parse_keys,
	        "[{\"key_id\":\"abc\",\"name\":\"n\",\"expires_at\":"
	        "null,\"created_at\":\"2023-11-07T05:31:56Z\"}]",
	        &k),
	    0);
	assert_int_equal(k.n, 1);
	assert_string_equal(k.v[0].key_id, "abc");
	assert_string_equal(k.v[0].created, "2023-11-07T05:31:56Z");
	api_keys_clear(&k);
	/* [INF] an envelope, and created_at as an epoch number */
	assert_int_equal(PARSE(api_parse_keys,
	                     "{\"items\":[{\"key_id\":\"x\",\"created_at\":5}],"
	                     "\"next\":null}",
	                     &k),
	    0);
	assert_string_equal(k.v[0].created, "5000");
	api_keys_clear(&k);
	assert_int_equal(
	    PARSE(api_parse_keys, "[{\"name\":\"no id\"}]", &k), -1);
	assert_int_equal(PARSE(api_parse_keys, "{\"detail\":\"x\"}", &k), -1);
}

static void
test_expires_argument(void **state)
{
	long long now = 1767225600000LL, ms;

	(void)state;
	assert_int_equal(expiry_parse_arg("30d", now, &ms), 0);
	assert_true(ms == now + 30LL * 86400000);
	assert_int_equal(expiry_parse_arg("never", now, &ms), 0);
	assert_true(ms == 0);
	assert_int_equal(expiry_parse_arg("2026-02-01", now, &ms), 0);
	assert_true(ms == 1769904000000LL);
	static const char *const bad[] = {"0d", "3651d", "d", "-1d", "30",
	    "2025-12-31", "2026-02-30", "2026-2-01", "tomorrow", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_int_equal(expiry_parse_arg(bad[i], now, &ms), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scopes),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_created),
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_expires_argument),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
