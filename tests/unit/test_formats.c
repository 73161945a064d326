/* The output formats of get, the header helper and docker, and the JSON
 * input of docker store and the header helper.  Real readers (shells,
 * curl, docker's own helper) check the same texts in the integration
 * tests; here the exact bytes and every refusal are pinned down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/docker.h"
#include "../../protocol/engflow.h"
#include "../../protocol/format.h"

static const struct bearer ak = {"ak_id.sec", NULL, 0};
static const struct bearer pat = {"pat_x", "org_1", 1767225600000LL};

static void
expect(enum format f, const struct bearer *b, const char *text)
{
	struct buf out = BUF_INIT(8192);

	assert_int_equal(format_emit(f, b, &out), 0);
	assert_string_equal(out.data, text);
	buf_release(&out);
}

static void
test_shells(void **state)
{
	(void)state;
	expect(FORMAT_SH, &ak,
	    "ANYREACH_TOKEN='ak_id.sec'; export ANYREACH_TOKEN; "
	    "unset ANYREACH_ORG_ID; \n");
	expect(FORMAT_SH, &pat,
	    "ANYREACH_TOKEN='pat_x'; export ANYREACH_TOKEN; "
	    "ANYREACH_ORG_ID='org_1'; export ANYREACH_ORG_ID; \n");
	expect(FORMAT_FISH, &ak,
	    "set -gx ANYREACH_TOKEN 'ak_id.sec';\nset -e ANYREACH_ORG_ID;\n");
	expect(FORMAT_POWERSHELL, &pat,
	    "$env:ANYREACH_TOKEN = 'pat_x'\n$env:ANYREACH_ORG_ID = 'org_1'\n");
	expect(FORMAT_POWERSHELL, &ak,
	    "$env:ANYREACH_TOKEN = 'ak_id.sec'\n"
	    "Remove-Item Env:ANYREACH_ORG_ID -ErrorAction Ignore\n");
	expect(FORMAT_ENV, &ak, "ANYREACH_TOKEN=ak_id.sec\n");
	expect(
	    FORMAT_ENV, &pat, "ANYREACH_TOKEN=pat_x\nANYREACH_ORG_ID=org_1\n");
}

static void
test_headers(void **state)
{
	(void)state;
	expect(FORMAT_HEADERS, &ak, "Authorization: Bearer ak_id.sec\n");
	expect(FORMAT_HEADERS, &pat,
	    "Authorization: Bearer pat_x\nX-Anyreach-Org: org_1\n");
	expect(FORMAT_CURL, &pat,
	    "header = \"Authorization: Bearer pat_x\"\n"
	    "header = \"X-Anyreach-Org: org_1\"\n");
	expect(FORMAT_JSON, &ak, "{\"Authorization\":\"Bearer ak_id.sec\"}\n");
	expect(FORMAT_JSON, &pat,
	    "{\"Authorization\":\"Bearer pat_x\","
	    "\"X-Anyreach-Org\":\"org_1\"}\n");
}

static void
test_unsafe_refused_everywhere(void **state)
{
	static const struct bearer bad[] = {{"pat_x\ny", NULL, 0},
	    {"pat_x'", NULL, 0}, {"pat_x", "org 1", 0}, {"pat_x", "org\"", 0},
	    {NULL, NULL, 0}};
	struct buf out = BUF_INIT(8192);

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		for (int f = FORMAT_SH; f <= FORMAT_GITHUB; f++)
			assert_int_equal(
			    format_emit((enum format)f, &bad[i], &out), -1);
	assert_int_equal(out.len, 0);
	assert_int_equal(engflow_response(&bad[0], &out), -1);
}

static void
test_format_names(void **state)
{
	enum format f;

	(void)state;
	assert_int_equal(format_from_name("curl", &f), 0);
	assert_int_equal(f, FORMAT_CURL);
	assert_int_equal(format_from_name("github", &f), 0);
	assert_int_equal(f, FORMAT_GITHUB);
	assert_int_equal(format_from_name("cmd", &f), -1);
}

static void
test_github(void **state)
{
	struct buf mask = BUF_INIT(8192), env = BUF_INIT(8192);
	const char *d = "ghadelimiter_0123456789abcdef";

	(void)state;
	assert_int_equal(format_github(&pat, d, &mask, &env), 0);
	assert_string_equal(mask.data, "::add-mask::pat_x\n");
	assert_string_equal(env.data,
	    "ANYREACH_TOKEN<<ghadelimiter_0123456789abcdef\npat_x\n"
	    "ghadelimiter_0123456789abcdef\n"
	    "ANYREACH_ORG_ID<<ghadelimiter_0123456789abcdef\norg_1\n"
	    "ghadelimiter_0123456789abcdef\n");
	buf_release(&mask);
	buf_release(&env);
	/* A short (guessable) delimiter, or one inside a value: refused. */
	assert_int_equal(format_github(&pat, "EOF", &mask, &env), -1);
	assert_int_equal(format_github(&pat, "pat_x", &mask, &env), -1);
	buf_release(&mask);
	buf_release(&env);
	assert_int_equal(
	    format_github(
	        &(struct bearer){"pat_ghadelimiter_0123456789abcdef", "o", 0},
	        d, &mask, &env),
	    -1);
	buf_release(&mask);
	buf_release(&env);
}

static void
test_engflow(void **state)
{
	struct buf out = BUF_INIT(8192);
	const char *why = NULL;
	char *uri;

	(void)state;
	assert_int_equal(engflow_response(&pat, &out), 0);
	assert_string_equal(out.data,
	    "{\"headers\":{\"Authorization\":[\"Bearer pat_x\"],"
	    "\"X-Anyreach-Org\":[\"org_1\"]},"
	    "\"expires\":\"2026-01-01T00:00:00Z\"}\n");
	buf_release(&out);
	assert_int_equal(engflow_response(&ak, &out), 0);
	assert_string_equal(out.data,
	    "{\"headers\":{\"Authorization\":[\"Bearer ak_id.sec\"]}}\n");
	buf_release(&out);
	uri = engflow_parse_request(
	    "{\"uri\":\"https://a/b\",\"extra\":[1]}", 33, &why);
	assert_non_null(uri);
	assert_string_equal(uri, "https://a/b");
	free(uri);
	assert_null(engflow_parse_request("{\"url\":\"x\"}", 11, &why));
	assert_null(engflow_parse_request(
	    "{\"uri\":\"https://a\",\"uri\":\"https://b\"}", 37, &why));
	assert_null(engflow_parse_request("[\"uri\"]", 7, &why));
	assert_null(engflow_parse_request("{\"uri\":\"x\"} {}", 14, &why));
	assert_null(engflow_parse_request("{\"uri\":\"x\\u0000y\"}", 18, &why));
}

static int
store(const char *json, struct docker_creds *c, const char **why)
{
	return docker_parse_store(json, strlen(json), c, why);
}

static void
test_docker_store(void **state)
{
	struct docker_creds c;
	const char *why = NULL;

	(void)state;
	assert_int_equal(store("{\"ServerURL\":\"https://a\",\"Username\":"
	                       "\"org_1\",\"Secret\":\"pat_x\",\"x\":1}",
	                     &c, &why),
	    0);
	assert_string_equal(c.server_url, "https://a");
	assert_string_equal(c.secret, "pat_x");
	docker_creds_clear(&c);
	assert_null(c.secret);
	assert_int_equal(
	    store("{\"Username\":\"u\",\"Secret\":\"s\"}", &c, &why), -1);
	assert_string_equal(why, DOCKER_NO_URL);
	assert_int_equal(
	    store("{\"ServerURL\":\"a\",\"Secret\":\"s\"}", &c, &why), -1);
	assert_string_equal(why, DOCKER_NO_USERNAME);
	assert_int_equal(
	    store("{\"ServerURL\":\"a\",\"Username\":\"u\"}", &c, &why), -1);
	assert_string_equal(why, DOCKER_NO_SECRET);
	assert_null(c.server_url);
}

static void
test_docker_store_refusals(void **state)
{
	static const char *const bad[] = {
	    "{\"ServerURL\":\"a\",\"serverurl\":\"b\",\"Username\":\"u\"}",
	    "{\"ServerURL\":\"a\",\"ServerURL\":\"b\",\"Username\":\"u\"}",
	    "{\"ServerURL\":\"a\",\"Username\":\"u\",\"Secret\":\"s\\u0000t\"}",
	    "{\"ServerURL\":\"a\",\"Username\":\"u\",\"Secret\":1}",
	    "{\"ServerURL\":\"a\",\"Username\":\"u\"} garbage", "[]", "",
	    "{\"ServerURL\":\"a\",\"Username\":\"u\""};
	struct docker_creds c;
	const char *why = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(store(bad[i], &c, &why), -1);
		assert_null(c.secret);
	}
}

static void
test_docker_deep_nesting_refused(void **state)
{
	size_t depth = 5000;
	char *json = malloc(2 * depth + 1);
	struct docker_creds c;
	const char *why = NULL;

	(void)state;
	memset(json, '[', depth);
	memset(json + depth, ']', depth);
	json[2 * depth] = '\0';
	assert_int_equal(store(json, &c, &why), -1);
	free(json);
}

static void
test_docker_answers(void **state)
{
	struct buf out = BUF_INIT(8192);
	char *url;

	(void)state;
	assert_int_equal(
	    docker_get_response("https://a", "org_1", "pat_x", &out), 0);
	assert_string_equal(out.data, "{\"ServerURL\":\"https://a\","
	                              "\"Username\":\"org_1\","
	                              "\"Secret\":\"pat_x\"}\n");
	buf_release(&out);
	assert_int_equal(docker_list_response(NULL, NULL, &out), 0);
	assert_string_equal(out.data, "{}\n");
	buf_release(&out);
	url = docker_read_url(" \t https://a/ \r\n", 16);
	assert_string_equal(url, "https://a/");
	free(url);
	assert_null(docker_read_url(" \r\n", 3));
	assert_null(docker_read_url("a\0b", 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shells),
	    cmocka_unit_test(test_headers),
	    cmocka_unit_test(test_unsafe_refused_everywhere),
	    cmocka_unit_test(test_format_names),
	    cmocka_unit_test(test_github),
	    cmocka_unit_test(test_engflow),
	    cmocka_unit_test(test_docker_store),
	    cmocka_unit_test(test_docker_store_refusals),
	    cmocka_unit_test(test_docker_deep_nesting_refused),
	    cmocka_unit_test(test_docker_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
