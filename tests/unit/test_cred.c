/* The credential model: kinds, key ids, refusals, expiry, API URLs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../helper/cred.h"

static enum ac_status
set(struct cred *c, const char *token)
{
	return cred_set_token(c, token, strlen(token));
}

static void
test_ak_split_at_first_dot(void **state)
{
	struct cred c = {0};

	(void)state;
	assert_int_equal(set(&c, "ak_id1.sec.ret=="), AC_OK);
	assert_int_equal(c.kind, CRED_AK);
	assert_string_equal(c.key_id, "id1");
	assert_string_equal(c.token, "ak_id1.sec.ret==");
	cred_clear(&c);
	assert_null(c.token);
	assert_null(c.key_id);
}

static void
test_pat(void **state)
{
	struct cred c = {0};

	(void)state;
	assert_int_equal(set(&c, "pat_abc"), AC_OK);
	assert_int_equal(c.kind, CRED_PAT);
	assert_null(c.key_id);
	cred_clear(&c);
}

static void
test_refused_tokens(void **state)
{
	static const char *const bad[] = {"ak_", "ak_.x", "ak_id.", "ak_id",
	    "AK_id.x", "pat_", "PAT_x", "pat", "xyz_1", "ak_i d.x", "pat_x\r",
	    "pat_x\n", "pat_'x"};
	struct cred c = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(set(&c, bad[i]), AC_INVALID);
		assert_null(c.token);
	}
	assert_int_equal(cred_set_token(&c, "pat_a\0b", 7), AC_INVALID);
	assert_null(c.token);
}

static void
test_refusal_keeps_old_token(void **state)
{
	struct cred c = {0};

	(void)state;
	assert_int_equal(set(&c, "pat_old"), AC_OK);
	assert_int_equal(set(&c, "bad token"), AC_INVALID);
	assert_string_equal(c.token, "pat_old");
	cred_clear(&c);
}

static void
test_token_problem_never_echoes(void **state)
{
	const char *why = cred_token_problem("ak_SECRET", 9);

	(void)state;
	assert_non_null(why);
	assert_null(strstr(why, "SECRET"));
	assert_null(cred_token_problem("ak_a.SECRET", 11));
}

static void
test_expiry(void **state)
{
	struct cred c = {0};

	(void)state;
	assert_int_equal(cred_set_expiry(&c, "1767225600000"), AC_OK);
	assert_true(c.expires_ms == 1767225600000LL);
	assert_int_equal(cred_set_expiry(&c, "9007199254740992"), AC_OK);
	assert_int_equal(cred_set_expiry(&c, "9007199254740993"), AC_INVALID);
	assert_int_equal(cred_set_expiry(&c, "0"), AC_INVALID);
	assert_int_equal(cred_set_expiry(&c, "-5"), AC_INVALID);
	assert_int_equal(cred_set_expiry(&c, "1.7e12"), AC_INVALID);
	assert_int_equal(cred_set_expiry(&c, ""), AC_INVALID);
	assert_int_equal(
	    cred_set_expiry(&c, "99999999999999999999"), AC_INVALID);
	cred_clear(&c);
}

static void
test_api_urls(void **state)
{
	struct cred c = {0};

	(void)state;
	assert_int_equal(cred_set_api(&c, "https://api.anyreach.ai/"), AC_OK);
	assert_string_equal(c.api, "https://api.anyreach.ai");
	assert_int_equal(cred_set_api(&c, "http://127.0.0.1:8080"), AC_OK);
	assert_int_equal(cred_set_api(&c, "http://[::1]:9/x"), AC_OK);
	assert_int_equal(
	    cred_set_api(&c, "http://api.anyreach.ai"), AC_INVALID);
	assert_int_equal(cred_set_api(&c, "http://127.evil.com"), AC_INVALID);
	assert_int_equal(
	    cred_set_api(&c, "https://u@api.anyreach.ai"), AC_INVALID);
	assert_int_equal(cred_set_api(&c, "https://a.ai:0"), AC_INVALID);
	assert_int_equal(cred_set_api(&c, "https://a.ai:65536"), AC_INVALID);
	assert_int_equal(cred_set_api(&c, "https://a.ai/?x"), AC_INVALID);
	assert_int_equal(cred_set_api(&c, "https://a.ai/\r\nX: y"), AC_INVALID);
	assert_int_equal(cred_set_api(&c, "ftp://a.ai"), AC_INVALID);
	cred_clear(&c);
}

/* What is about to be emitted is checked again (bearer_ok), whatever
 * happened to the struct since it was filled. */
static void
test_bearer_rechecked(void **state)
{
	struct cred c = {0};
	struct bearer b;

	(void)state;
	assert_int_equal(set(&c, "pat_x"), AC_OK);
	assert_int_equal(cred_set_org(&c, "org_1"), AC_OK);
	b = cred_bearer(&c);
	assert_true(bearer_ok(&b));
	assert_string_equal(b.org, "org_1");
	c.org[3] = '\n';
	b = cred_bearer(&c);
	assert_false(bearer_ok(&b));
	c.org[0] = '\0';
	b = cred_bearer(&c);
	assert_false(bearer_ok(&b));
	c.token[1] = '\n'; /* as if memory or the keyring were corrupted */
	b = (struct bearer){c.token, NULL, 0};
	assert_false(bearer_ok(&b));
	cred_clear(&c);
	assert_int_equal(set(&c, "ak_a.b"), AC_OK);
	assert_int_equal(cred_set_org(&c, "org_1"), AC_OK);
	b = cred_bearer(&c);
	assert_null(b.org); /* an ak_ never carries one */
	cred_clear(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ak_split_at_first_dot),
	    cmocka_unit_test(test_pat),
	    cmocka_unit_test(test_refused_tokens),
	    cmocka_unit_test(test_refusal_keeps_old_token),
	    cmocka_unit_test(test_token_problem_never_echoes),
	    cmocka_unit_test(test_expiry),
	    cmocka_unit_test(test_api_urls),
	    cmocka_unit_test(test_bearer_rechecked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
