/* POSIX shell output.  The integration tests evaluate it with real shells;
 * here the exact text and the refusals are pinned down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/shell.h"

static void
test_export(void **state)
{
	struct buf b = BUF_INIT(1024);

	(void)state;
	assert_int_equal(shell_sh_export(&b, "ANYREACH_TOKEN", "ak_a.b=="), 0);
	assert_string_equal(
	    b.data, "ANYREACH_TOKEN='ak_a.b=='; export ANYREACH_TOKEN; ");
	assert_int_equal(shell_sh_unset(&b, "ANYREACH_ORG_ID"), 0);
	assert_string_equal(b.data, "ANYREACH_TOKEN='ak_a.b=='; export "
	                            "ANYREACH_TOKEN; unset ANYREACH_ORG_ID; ");
	buf_release(&b);
	assert_null(b.data);
}

static void
test_single_quote_escaped(void **state)
{
	struct buf b = BUF_INIT(1024);

	(void)state;
	assert_int_equal(shell_sh_export(&b, "X", "a'b"), 0);
	assert_string_equal(b.data, "X='a'\\''b'; export X; ");
	buf_release(&b);
}

static void
test_unsafe_values_refused(void **state)
{
	static const char *const bad[] = {"a b", "a\tb", "a\nb", "a\rb", "a*",
	    "a?", "[a]", "a\x7f", "\xc3\xa9", "a\x1b"};
	struct buf b = BUF_INIT(1024);

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_false(shell_sh_value_ok(bad[i]));
		assert_int_equal(shell_sh_export(&b, "X", bad[i]), -1);
	}
	assert_int_equal(b.len, 0);
}

static void
test_bad_names_refused(void **state)
{
	struct buf b = BUF_INIT(1024);

	(void)state;
	assert_int_equal(shell_sh_export(&b, "1X", "v"), -1);
	assert_int_equal(shell_sh_export(&b, "X;rm", "v"), -1);
	assert_int_equal(shell_sh_export(&b, "x", "v"), -1);
	assert_int_equal(shell_sh_unset(&b, "A B"), -1);
	assert_int_equal(b.len, 0);
}

static void
test_buffer_cap(void **state)
{
	struct buf b = BUF_INIT(16);

	(void)state;
	assert_int_equal(shell_sh_export(&b, "ANYREACH_TOKEN", "x"), -1);
	buf_release(&b);
	assert_int_equal(buf_adds(&b, "0123456789abcdef"), 0);
	assert_int_equal(buf_add(&b, "x", 1), -1);
	assert_int_equal(b.len, 16);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_export),
	    cmocka_unit_test(test_single_quote_escaped),
	    cmocka_unit_test(test_unsafe_values_refused),
	    cmocka_unit_test(test_bad_names_refused),
	    cmocka_unit_test(test_buffer_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
