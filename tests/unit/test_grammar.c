/* The token, org id and profile grammars: accept and reject tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/grammar.h"

struct sample {
	const char *s;
	size_t len; /* 0: strlen(s) */
};

#define S(x) {x, 0}
#define N(x) {x, sizeof(x) - 1} /* with embedded NUL */

static size_t
len_of(const struct sample *c)
{
	return c->len ? c->len : strlen(c->s);
}

static const struct sample good_tokens[] = {
    S("ak_abc.def"), S("pat_x"), S("a"), S("A-Z.a_z~0+9/"), S("abc="),
    S("abc=="), S("ak_1.2=="), S("x/y+z~w"),
};

static const struct sample bad_tokens[] = {
    S(""), S("="), S("=abc"), S("ab=c"), S("ab c"), S("ab\tc"), S("ab\rc"),
    S("ab\nc"), N("ab\0c"), S("ab'c"), S("ab\"c"), S("ab$c"), S("ab`c"),
    S("ab\\c"), S("ab%c"), S("ab;c"), S("ab:c"), S("ab,c"), S("ab@c"),
    S("\xef\xbb\xbf" "ak_x.y"), S("\xd0\xb0k_x.y"), S("ak_x.y\x7f"),
    S("ab\x1b[0m"), S("a==b"),
};

static void
test_tokens_accepted(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(good_tokens) / sizeof(*good_tokens); i++)
		assert_true(grammar_is_b64token(good_tokens[i].s,
		    len_of(&good_tokens[i])));
}

static void
test_tokens_refused(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_tokens) / sizeof(*bad_tokens); i++)
		assert_false(grammar_is_b64token(bad_tokens[i].s,
		    len_of(&bad_tokens[i])));
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

static const struct sample good_orgs[] = {
    S("org_1"), S("O"), S("org:abc-DEF.1_2"),
    S("0123456789012345678901234567890123456789012345678901234567890123"
      "456789012345678901234567890123456789012345678901234567890123456"
      "7"),
};

static const struct sample bad_orgs[] = {
    S(""), S("org 1"), S("org\r"), S("org\n"), N("org\0x"), S("org%0a"),
    S("org'"), S("org/1"), S("org=1"), S("org\xc3\xa9"), S("org\x1b"),
    S("org;rm"), S("org$HOME"),
    S("0123456789012345678901234567890123456789012345678901234567890123"
      "456789012345678901234567890123456789012345678901234567890123456"
      "78"),
};

static void
test_orgs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(good_orgs) / sizeof(*good_orgs); i++)
		assert_true(
		    grammar_is_org_id(good_orgs[i].s, len_of(&good_orgs[i])));
	for (size_t i = 0; i < sizeof(bad_orgs) / sizeof(*bad_orgs); i++)
		assert_false(
		    grammar_is_org_id(bad_orgs[i].s, len_of(&bad_orgs[i])));
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
	    cmocka_unit_test(test_token_length_limit),
	    cmocka_unit_test(test_orgs),
	    cmocka_unit_test(test_profiles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
