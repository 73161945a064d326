/* Option parsing: commands, options per command, and refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../helper/cli.h"

#define PARSE(out, ...)                                                        \
	parse_argv(out, (const char *[]){"anyreach-cred", __VA_ARGS__, NULL})

/* getopt wants writable argv, as main() gets it; the parsed struct points
 * into it, so the copies live until the next call. */
static enum ac_status
parse_argv(struct cli *out, const char **args)
{
	static char storage[16][64];
	static char *argv[17];
	int argc = 0;

	for (; args[argc]; argc++) {
		snprintf(
		    storage[argc], sizeof(storage[argc]), "%s", args[argc]);
		argv[argc] = storage[argc];
	}
	argv[argc] = NULL;
	return cli_parse(argc, argv, NULL, out);
}

static void
test_login_options(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(PARSE(&c, "login", "--profile", "p", "--org=o1",
	                     "--api", "https://x", "--expires-at", "5"),
	    AC_OK);
	assert_int_equal(c.cmd, CMD_LOGIN);
	assert_string_equal(c.profile, "p");
	assert_string_equal(c.org, "o1");
	assert_string_equal(c.api, "https://x");
	assert_string_equal(c.expires_at, "5");
	assert_false(c.help);
}

static void
test_get_options(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(PARSE(&c, "get", "--reveal", "--org", "o"), AC_OK);
	assert_int_equal(c.cmd, CMD_GET);
	assert_true(c.reveal);
	assert_null(c.profile);
}

static void
test_option_not_for_command(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(PARSE(&c, "list", "--org", "o"), AC_USAGE);
	assert_int_equal(PARSE(&c, "get", "--api", "https://x"), AC_USAGE);
	assert_int_equal(PARSE(&c, "logout", "--json"), AC_USAGE);
}

static void
test_no_secret_arguments(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(PARSE(&c, "login", "ak_a.b"), AC_USAGE);
	assert_int_equal(PARSE(&c, "login", "--token=ak_a.b"), AC_USAGE);
	assert_int_equal(PARSE(&c, "get", "--profile"), AC_USAGE);
	assert_int_equal(PARSE(&c, "ak_a.b"), AC_USAGE);
}

static void
test_help_and_version(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(PARSE(&c, "--help"), AC_OK);
	assert_int_equal(c.cmd, CMD_HELP);
	assert_true(c.help);
	assert_int_equal(PARSE(&c, "help", "login"), AC_OK);
	assert_int_equal(c.cmd, CMD_LOGIN);
	assert_true(c.help);
	assert_int_equal(PARSE(&c, "get", "-h"), AC_OK);
	assert_int_equal(c.cmd, CMD_GET);
	assert_true(c.help);
	assert_int_equal(PARSE(&c, "--version"), AC_OK);
	assert_int_equal(c.cmd, CMD_VERSION);
	assert_int_equal(PARSE(&c, "help", "nope"), AC_USAGE);
}

static void
test_bare_command_is_usage(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(
	    parse_argv(&c, (const char *[]){"anyreach-cred", NULL}), AC_OK);
	assert_int_equal(c.cmd, CMD_HELP);
	assert_false(c.help);
}

static void
test_profile_precedence(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(PARSE(&c, "get"), AC_OK);
	unsetenv("ANYREACH_PROFILE");
	assert_string_equal(cli_profile(&c), "default");
	setenv("ANYREACH_PROFILE", "fromenv", 1);
	assert_string_equal(cli_profile(&c), "fromenv");
	assert_int_equal(PARSE(&c, "get", "--profile", "flag"), AC_OK);
	assert_string_equal(cli_profile(&c), "flag");
	unsetenv("ANYREACH_PROFILE");
}

static void
test_personality(void **state)
{
	static char name[] = "git-credential-anyreach", opt[] = "--profile=w",
	            op[] = "get";
	char *argv[] = {name, opt, op, NULL};
	struct cli c;

	(void)state;
	assert_int_equal(cli_parse(3, argv, "git", &c), AC_OK);
	assert_int_equal(c.cmd, CMD_GIT);
	assert_string_equal(c.profile, "w");
	assert_int_equal(c.nargs, 1);
	assert_string_equal(c.args[0], "get");
}

static void
test_exec_keeps_command_options(void **state)
{
	struct cli c;

	(void)state;
	assert_int_equal(
	    PARSE(&c, "exec", "--org", "o", "--", "ls", "-l"), AC_OK);
	assert_int_equal(c.nargs, 2);
	assert_string_equal(c.args[0], "ls");
	assert_string_equal(c.args[1], "-l");
	assert_int_equal(PARSE(&c, "exec", "curl", "--profile", "x"), AC_OK);
	assert_null(c.profile); /* options end at the command */
	assert_int_equal(c.nargs, 3);
	assert_int_equal(PARSE(&c, "git", "get", "store"), AC_USAGE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_login_options),
	    cmocka_unit_test(test_get_options),
	    cmocka_unit_test(test_option_not_for_command),
	    cmocka_unit_test(test_no_secret_arguments),
	    cmocka_unit_test(test_help_and_version),
	    cmocka_unit_test(test_bare_command_is_usage),
	    cmocka_unit_test(test_profile_precedence),
	    cmocka_unit_test(test_personality),
	    cmocka_unit_test(test_exec_keeps_command_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
