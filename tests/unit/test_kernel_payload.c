/* The payload of a kernel key (the kernel store's and the cache's): what
 * is written reads back the same, and what is not ours is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../helper/kernel_payload.h"

static bool
refuse_all(const struct cred *meta, void *arg)
{
	(void)meta;
	(void)arg;
	return false;
}

static void
make(struct cred *c)
{
	assert_int_equal(cred_set_profile(c, "work"), AC_OK);
	assert_int_equal(cred_set_token(c, "pat_abc.def", 11), AC_OK);
	assert_int_equal(cred_set_org(c, "org_1"), AC_OK);
	assert_int_equal(cred_set_api(c, "https://api.example:8443"), AC_OK);
	assert_int_equal(cred_set_expiry(c, "1893456000000"), AC_OK);
}

/* Read p (a copy: reading changes it in place) as profile's. */
static enum ac_status
read_text(const char *p, const char *profile, const struct store_filter *f,
    struct cred *c)
{
	char copy[512];

	snprintf(copy, sizeof(copy), "%s", p);
	return kpayload_read(copy, profile, f, true, c);
}

static void
test_round_trip(void **state)
{
	struct cred c = {0}, back = {0};
	struct buf b = BUF_INIT(8192);

	(void)state;
	make(&c);
	assert_true(kpayload_write(&c, &b));
	assert_string_equal(b.data,
	    "profile=work\napi=https://api.example:8443\nkind=pat\n"
	    "org=org_1\nexpires_at=1893456000000\ntoken=pat_abc.def\n");
	assert_int_equal(read_text(b.data, "work", NULL, &back), AC_OK);
	assert_string_equal(back.token, c.token);
	assert_string_equal(back.org, c.org);
	assert_string_equal(back.api, c.api);
	assert_int_equal(back.kind, CRED_PAT);
	assert_true(back.expires_ms == c.expires_ms);
	buf_release(&b);
	cred_clear(&c);
	cred_clear(&back);
}

static void
test_filter_sees_no_token(void **state)
{
	struct cred c = {0};
	struct store_filter f = {refuse_all, NULL};

	(void)state;
	assert_int_equal(
	    read_text("profile=a\nkind=ak\ntoken=ak_i.s\n", "a", &f, &c),
	    AC_NOTFOUND);
	assert_null(c.token);
}

static void
test_refused(void **state)
{
	static const char *const bad[] = {
	    "profile=a\nkind=ak\ntoken=ak_i.s",            /* no last newline */
	    "profile=a\nkind=ak\ntoken=ak_i.s\nextra=1\n", /* after token */
	    "profile=a\nkind=ak\n",                        /* no token */
	    "profile=a\nkindak\ntoken=ak_i.s\n",           /* no = */
	    "profile=b\nkind=ak\ntoken=ak_i.s\n",          /* another profile */
	    "profile=a\nkind=pat\ntoken=ak_i.s\n",         /* kind mismatch */
	    "profile=a\nkind=ak\norg=o\r\ntoken=ak_i.s\n", /* CR in a value */
	    "profile=a\nkind=ak\ntoken=ak_i.s t\n",        /* not b64token */
	    "kind=ak\ntoken=ak_i.s\n",                     /* no profile */
	};
	struct cred c = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(read_text(bad[i], "a", NULL, &c), AC_INVALID);
		assert_null(c.token);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_filter_sees_no_token),
	    cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
