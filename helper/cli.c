#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cred.h"
#include "msg.h"

enum opt_bit {
	O_PROFILE = 1 << 0,
	O_ORG = 1 << 1,
	O_API = 1 << 2,
	O_EXPIRES = 1 << 3,
	O_REVEAL = 1 << 4,
	O_JSON = 1 << 5,
	O_FORMAT = 1 << 6,
	O_NESTED = 1 << 7,
	O_REVOKE = 1 << 8,
	O_NAME = 1 << 9,
	O_EXPIRES_IN = 1 << 10,
	O_STORE_AS = 1 << 11,
	O_UNDO = 1 << 12,
};

#define ANY_ARGS (-1)

static const struct command {
	const char *name;
	enum cli_command cmd;
	int opts;
	int max_args;
} commands[] = {
    {"login", CMD_LOGIN, O_PROFILE | O_ORG | O_API | O_EXPIRES, 0},
    {"get", CMD_GET, O_PROFILE | O_ORG | O_REVEAL | O_FORMAT, 0},
    {"list", CMD_LIST, O_JSON, 0},
    {"logout", CMD_LOGOUT, O_PROFILE | O_REVOKE, 0},
    {"status", CMD_STATUS, O_PROFILE, 0},
    {"exec", CMD_EXEC, O_PROFILE | O_ORG | O_NESTED, ANY_ARGS},
    {"doctor", CMD_DOCTOR, O_PROFILE | O_ORG, 0},
    {"setup", CMD_SETUP, O_API | O_UNDO, 1},
    {"git", CMD_GIT, O_PROFILE, 1},
    {"docker", CMD_DOCKER, O_PROFILE, ANY_ARGS},
    {"credential-helper", CMD_CREDENTIAL_HELPER, O_PROFILE, ANY_ARGS},
    {"verify", CMD_VERIFY, O_PROFILE | O_ORG, 0},
    {"keys", CMD_KEYS,
        O_PROFILE | O_ORG | O_NAME | O_EXPIRES_IN | O_STORE_AS | O_JSON, 2},
    {"rotate", CMD_ROTATE, O_PROFILE | O_NAME | O_EXPIRES_IN, 0},
    {"help", CMD_HELP, 0, 0},
    {"version", CMD_VERSION, 0, 0},
};

static const struct option long_opts[] = {
    {"profile", required_argument, NULL, 'p'},
    {"org", required_argument, NULL, 'o'},
    {"api", required_argument, NULL, 'a'},
    {"expires-at", required_argument, NULL, 'e'},
    {"reveal", no_argument, NULL, 'r'},
    {"json", no_argument, NULL, 'j'},
    {"format", required_argument, NULL, 'f'},
    {"allow-nested", no_argument, NULL, 'n'},
    {"revoke", no_argument, NULL, 'R'},
    {"name", required_argument, NULL, 'N'},
    {"expires", required_argument, NULL, 'E'},
    {"store-as", required_argument, NULL, 'S'},
    {"undo", no_argument, NULL, 'U'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Name an offending option only when it cannot be a pasted secret: a
 * short run of lowercase letters and dashes, cut at "=". */
static enum ac_status
bad_option(const char *arg, const char *why)
{
	size_t n = strcspn(arg, "=");

	if (n > 32 || strspn(arg, "-abcdefghijklmnopqrstuvwxyz") < n)
		return fail(AC_USAGE, "%s; see 'anyreach-cred --help'", why);
	return fail(
	    AC_USAGE, "%s: %.*s; see 'anyreach-cred --help'", why, (int)n, arg);
}

static int
opt_bit(int ch)
{
	switch (ch) {
	case 'p':
		return O_PROFILE;
	case 'o':
		return O_ORG;
	case 'a':
		return O_API;
	case 'e':
		return O_EXPIRES;
	case 'r':
		return O_REVEAL;
	case 'j':
		return O_JSON;
	case 'f':
		return O_FORMAT;
	case 'n':
		return O_NESTED;
	case 'R':
		return O_REVOKE;
	case 'N':
		return O_NAME;
	case 'E':
		return O_EXPIRES_IN;
	case 'S':
		return O_STORE_AS;
	case 'U':
		return O_UNDO;
	default:
		return 0;
	}
}

static void
set_option(struct cli *out, int ch, const char *arg)
{
	switch (ch) {
	case 'p':
		out->profile = arg;
		break;
	case 'o':
		out->org = arg;
		break;
	case 'a':
		out->api = arg;
		break;
	case 'e':
		out->expires_at = arg;
		break;
	case 'r':
		out->reveal = true;
		break;
	case 'j':
		out->json = true;
		break;
	case 'f':
		out->format = arg;
		break;
	case 'n':
		out->allow_nested = true;
		break;
	case 'R':
		out->revoke = true;
		break;
	case 'N':
		out->name = arg;
		break;
	case 'E':
		out->expires = arg;
		break;
	case 'S':
		out->store_as = arg;
		break;
	case 'U':
		out->undo = true;
		break;
	case 'h':
		out->help = true;
		break;
	default:
		out->cmd = CMD_VERSION;
		break;
	}
}

static enum ac_status
parse_options(int argc, char **argv, const struct command *cmd, struct cli *out)
{
	/* For exec, options end at the command ("+"), which keeps its own;
	 * elsewhere they may follow operands, as in `keys create --name`. */
	const char *optstring = cmd->cmd == CMD_EXEC ? "+:hV" : ":hV";
	int ch, idx = -1;

	opterr = 0;
	optind = 0; /* glibc: 0 also forgets the previous scan's mode */
	while (
	    (ch = getopt_long(argc, argv, optstring, long_opts, &idx)) != -1) {
		if (ch == '?' && optopt)
			return fail(AC_USAGE,
			    "unknown option -%c; see "
			    "'anyreach-cred --help'",
			    isalnum(optopt) ? optopt : '?');
		if (ch == '?')
			return bad_option(argv[optind - 1], "unknown option");
		if (ch == ':')
			return bad_option(
			    argv[optind - 1], "option needs a value");
		if (opt_bit(ch) && !(cmd->opts & opt_bit(ch)))
			return fail(AC_USAGE,
			    "--%s does not apply to %s; see "
			    "'anyreach-cred help %s'",
			    long_opts[idx].name, cmd->name, cmd->name);
		set_option(out, ch, optarg);
	}
	out->args = argv + optind;
	out->nargs = argc - optind;
	if (cmd->max_args == 0 && out->nargs > 0)
		return fail(AC_USAGE,
		    "%s takes no arguments (a token is read "
		    "from standard input, never from the "
		    "command line)",
		    cmd->name);
	if (cmd->max_args > 0 && out->nargs > cmd->max_args)
		return fail(AC_USAGE,
		    "%s takes one operation; see "
		    "'anyreach-cred help %s'",
		    cmd->name, cmd->name);
	return AC_OK;
}

/* After `anyreach-cred`: a command name, or only global options. */
static enum ac_status
pick_command(int *argc, char ***argv, const struct command **cmd)
{
	if (*argc > 1 && (*argv)[1][0] != '-') {
		*cmd = find_command((*argv)[1]);
		if (*cmd == NULL)
			return fail(AC_USAGE, "unknown command; see "
			                      "'anyreach-cred --help'");
		(*argc)--;
		(*argv)++;
	}
	return AC_OK;
}

enum ac_status
cli_parse(int argc, char **argv, const char *as, struct cli *out)
{
	static const struct command global = {"anyreach-cred", CMD_HELP, 0, 0};
	const struct command *cmd = as ? find_command(as) : &global;
	enum ac_status st = cmd ? AC_OK : AC_USAGE;

	memset(out, 0, sizeof(*out));
	out->as = as;
	out->argv = argv;
	if (st == AC_OK && as == NULL)
		st = pick_command(&argc, &argv, &cmd);
	if (st != AC_OK)
		return st;
	out->cmd = cmd->cmd;
	out->help = cmd != &global && cmd->cmd == CMD_HELP;
	if (out->help && argc > 1 && argv[1][0] != '-') {
		cmd = find_command(argv[1]);
		if (cmd == NULL || cmd->cmd == CMD_HELP)
			return fail(AC_USAGE, "no help for that; see "
			                      "'anyreach-cred --help'");
		out->cmd = cmd->cmd;
		out->help = true;
		return AC_OK;
	}
	return parse_options(argc, argv, cmd, out);
}

const char *
cli_profile(const struct cli *c)
{
	const char *env = getenv("ANYREACH_PROFILE");

	if (c->profile)
		return c->profile;
	return env && *env ? env : CRED_DEFAULT_PROFILE;
}
