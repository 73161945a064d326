/* The token, org id and profile grammars: accept and reject tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/grammar.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const good_tokens[] = {"ak_abc.def", "pat_x", "a",
    "A-Z.a_z~0+9/", "abc=", "abc==", "ak_1.2==", "x/y+z~w"};

static const char *const bad_tokens[] = {"", "=", "=abc", "ab=c", "a==b",
    "ab c", "ab\tc", "ab\rc", "ab\nc", "ab'c", "ab\"c", "ab$c", "ab`c", "ab\\c",
    "ab%c", "ab;c", "ab:c", "ab,c", "ab@c", "ab*c", "ab?c",
    "\xef\xbb\xbf"
    "ak_x.y",
    "\xd0\xb0k_x.y", "ak_x.y\x7f", "ab\x1b[0m", "ab\xc2\xa0"};

static void
test_tokens_accepted(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(good_tokens); i++)
		assert_true(grammar_is_b64token(
		    good_tokens[i], strlen(good_tokens[i])));
}

static void
test_tokens_refused(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(bad_tokens); i++)
		assert_false(
		    grammar_is_b64token(bad_tokens[i], strlen(bad_tokens[i])));
}

static void
test_embedded_nul_refused(void **state)
{
	(void)state;
	assert_false(grammar_is_b64token("ab\0c", 4));
	assert_false(grammar_is_b64token("ab\0", 3));
	assert_false(grammar_is_org_id("org\0x", 5));
	assert_false(grammar_is_profile("p\0x", 3));
}

static void
test_token_length_limit(void **state)
{
	static char big[GRAMMAR_TOKEN_MAX + 1];

	(void)state;
	memset(big, 'a', sizeof(big));
	assert_true(grammar_is_b64token(big, GRAMMAR_TOKEN_MAX));
	assert_false(grammar_is_b64token(big, GRAMMAR_TOKEN_MAX + 1));
}

static const char *const good_orgs[] = {"org_1", "O", "org:abc-DEF.1_2"};

static const char *const bad_orgs[] = {"", "org 1", "org\r", "org\n", "org%0a",
    "org'", "org/1", "org=1", "org\xc3\xa9", "org\x1b", "org;rm", "org$HOME",
    "org\"", "org\\"};

static void
test_orgs(void **state)
{
	static char big[GRAMMAR_ORG_MAX + 1];

	(void)state;
	for (size_t i = 0; i < COUNT(good_orgs); i++)
		assert_true(
		    grammar_is_org_id(good_orgs[i], strlen(good_orgs[i])));
	for (size_t i = 0; i < COUNT(bad_orgs); i++)
		assert_false(
		    grammar_is_org_id(bad_orgs[i], strlen(bad_orgs[i])));
	memset(big, 'o', sizeof(big));
	assert_true(grammar_is_org_id(big, GRAMMAR_ORG_MAX));
	assert_false(grammar_is_org_id(big, GRAMMAR_ORG_MAX + 1));
}

static void
test_profiles(void **state)
{
	(void)state;
	assert_true(grammar_is_profile("default", 7));
	assert_true(grammar_is_profile("ci_prod-2.eu", 12));
	assert_false(grammar_is_profile("", 0));
	assert_false(grammar_is_profile("-x", 2));
	assert_false(grammar_is_profile(".x", 2));
	assert_false(grammar_is_profile("a/b", 3));
	assert_false(grammar_is_profile("a b", 3));
	assert_false(grammar_is_profile("a:b", 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tokens_accepted),
	    cmocka_unit_test(test_tokens_refused),
	    cmocka_unit_test(test_embedded_nul_refused),
	    cmocka_unit_test(test_token_length_limit),
	    cmocka_unit_test(test_orgs),
	    cmocka_unit_test(test_profiles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
