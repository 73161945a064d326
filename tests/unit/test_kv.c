/* The key=value protocol: what the reader accepts and refuses, and the
 * exact answer the writer produces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/kv.h"

static int
parse(const char *text, struct kv_request *r)
{
	const char *why = NULL;

	return kv_parse(text, strlen(text), r, &why);
}

static void
test_basic_request(void **state)
{
	struct kv_request r;

	(void)state;
	assert_int_equal(parse("protocol=https\nhost=api.anyreach.ai\n"
	                       "username=u\npassword=a=b\n\n",
	                     &r),
	    0);
	assert_string_equal(r.protocol, "https");
	assert_string_equal(r.host, "api.anyreach.ai");
	assert_string_equal(r.username, "u");
	assert_string_equal(r.password, "a=b"); /* split at the first = */
	assert_false(r.cap_authtype);
	kv_request_clear(&r);
	assert_null(r.password);
}

static void
test_end_of_request(void **state)
{
	struct kv_request r;

	(void)state;
	/* Nothing after the blank line counts. */
	assert_int_equal(parse("host=a\n\nhost=b\nprotocol=http\n", &r), 0);
	assert_string_equal(r.host, "a");
	assert_null(r.protocol);
	kv_request_clear(&r);
	/* A last line without LF counts. */
	assert_int_equal(parse("protocol=https\nhost=a", &r), 0);
	assert_string_equal(r.host, "a");
	kv_request_clear(&r);
	/* CRLF endings: one CR before LF is removed. */
	assert_int_equal(parse("host=a\r\nprotocol=https\r\n\r\n", &r), 0);
	assert_string_equal(r.host, "a");
	assert_string_equal(r.protocol, "https");
	kv_request_clear(&r);
}

static void
test_refusals(void **state)
{
	static const char *const bad[] = {
	    "host=a\nhost=b\n", /* injected second host */
	    "protocol=https\nprotocol=http\n", "profile=a\nprofile=b\n",
	    "host=a\rb\n",  /* lone CR */
	    "host=a\r\r\n", /* CR not directly before LF */
	    "host=a\rprotocol=https\n", "hosta\n", /* no = */
	    "=x\n",                                /* empty key */
	    "password=1\npassword=2\n"};
	struct kv_request r;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(parse(bad[i], &r), -1);
		assert_null(r.host);
		assert_null(r.password);
	}
}

static void
test_nul_refused(void **state)
{
	struct kv_request r;
	const char *why = NULL;

	(void)state;
	assert_int_equal(kv_parse("host=a\0b\n", 9, &r, &why), -1);
	assert_non_null(why);
}

static void
test_line_cap(void **state)
{
	size_t n = KV_LINE_MAX + 16;
	char *big = malloc(n + 32);
	struct kv_request r;
	const char *why = NULL;

	(void)state;
	/* 65535 bytes with the LF is allowed ... */
	memcpy(big, "wwwauth[]=", 10);
	memset(big + 10, 'x', KV_LINE_MAX - 11);
	big[KV_LINE_MAX - 1] = '\n';
	memcpy(big + KV_LINE_MAX, "host=h\n", 7);
	assert_int_equal(kv_parse(big, KV_LINE_MAX + 7, &r, &why), 0);
	assert_string_equal(r.host, "h");
	kv_request_clear(&r);
	/* ... one more byte is refused, and never split into a host line. */
	memset(big + 10, 'x', KV_LINE_MAX - 10);
	memcpy(big + KV_LINE_MAX, "host=victim\n", 12);
	assert_int_equal(kv_parse(big, KV_LINE_MAX + 12, &r, &why), -1);
	assert_null(r.host);
	free(big);
}

static void
test_capability_list(void **state)
{
	struct kv_request r;

	(void)state;
	assert_int_equal(
	    parse("capability[]=state\ncapability[]=authtype\n", &r), 0);
	assert_true(r.cap_authtype);
	kv_request_clear(&r);
	assert_int_equal(
	    parse("capability[]=authtype\ncapability[]=\nfoo=1\n", &r), 0);
	assert_false(r.cap_authtype);
	kv_request_clear(&r);
}

static void
test_complete(void **state)
{
	(void)state;
	assert_false(kv_complete("host=a\n", 7));
	assert_true(kv_complete("host=a\n\n", 8));
	assert_true(kv_complete("host=a\r\n\r\n", 10));
	assert_true(kv_complete("\n", 1));
	assert_false(kv_complete("host=a\r\n", 8));
}

static void
test_write_refuses_line_breaks(void **state)
{
	struct buf b = BUF_INIT(1024);

	(void)state;
	assert_int_equal(kv_write(&b, "k", "v\nhost=evil"), -1);
	assert_int_equal(kv_write(&b, "k", "v\r"), -1);
	assert_int_equal(kv_write(&b, "k=x", "v"), -1);
	assert_int_equal(kv_write(&b, "", "v"), -1);
	assert_int_equal(b.len, 0);
	assert_int_equal(kv_write(&b, "k", "a=b"), 0);
	assert_string_equal(b.data, "k=a=b\n");
	buf_release(&b);
}

static void
test_answer_ak(void **state)
{
	struct bearer b = {"ak_id.sec", NULL, 1767225600999LL};
	struct buf out = BUF_INIT(4096);

	(void)state;
	assert_int_equal(kv_write_answer(&out, "default", &b, false), 0);
	assert_string_equal(out.data,
	    "username=default\n"
	    "password=ak_id.sec\n"
	    "password_expiry_utc=1767225600\n"
	    "header[]=Authorization: Bearer ak_id.sec\n");
	buf_release(&out);
}

static void
test_answer_pat_authtype(void **state)
{
	struct bearer b = {"pat_x", "org_1", 0};
	struct buf out = BUF_INIT(4096);

	(void)state;
	assert_int_equal(kv_write_answer(&out, "work", &b, true), 0);
	assert_string_equal(out.data, "capability[]=authtype\n"
	                              "username=work\n"
	                              "password=pat_x\n"
	                              "authtype=Bearer\n"
	                              "credential=pat_x\n"
	                              "ephemeral=1\n"
	                              "header[]=Authorization: Bearer pat_x\n"
	                              "header[]=X-Anyreach-Org: org_1\n");
	buf_release(&out);
}

static void
test_answer_refuses_bad_values(void **state)
{
	struct bearer bad_token = {"pat_x\nhost=evil", NULL, 0};
	struct bearer bad_org = {"pat_x", "org\r\n", 0};
	struct buf out = BUF_INIT(4096);

	(void)state;
	assert_int_equal(kv_write_answer(&out, "p", &bad_token, false), -1);
	assert_int_equal(kv_write_answer(&out, "p", &bad_org, false), -1);
	assert_int_equal(out.len, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basic_request),
	    cmocka_unit_test(test_end_of_request),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_nul_refused),
	    cmocka_unit_test(test_line_cap),
	    cmocka_unit_test(test_capability_list),
	    cmocka_unit_test(test_complete),
	    cmocka_unit_test(test_write_refuses_line_breaks),
	    cmocka_unit_test(test_answer_ak),
	    cmocka_unit_test(test_answer_pat_authtype),
	    cmocka_unit_test(test_answer_refuses_bad_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
