/*
 * The command line: which command, and which options.  Parsing checks only
 * the shape of the line; values are validated by the credential model.  No
 * option takes a secret, and no message echoes an argument that might be
 * one.
 */
#ifndef HELPER_CLI_H
#define HELPER_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "status.h"

enum cli_command {
	CMD_HELP,
	CMD_VERSION,
	CMD_LOGIN,
	CMD_GET,
	CMD_LIST,
	CMD_LOGOUT,
	CMD_STATUS,
	CMD_EXEC,
	CMD_DOCTOR,
	CMD_SETUP,
	CMD_GIT,               /* git credential-helper protocol */
	CMD_DOCKER,            /* docker-credential-helpers protocol */
	CMD_CREDENTIAL_HELPER, /* EngFlow/Bazel header helper protocol */
	CMD_VERIFY,            /* these call the API (api_launch.h) */
	CMD_KEYS,
	CMD_ROTATE,
};

struct cli {
	enum cli_command cmd;
	bool help; /* help for cmd */
	const char *profile;
	const char *org;
	const char *api;
	const char *expires_at;
	const char *format;
	bool reveal;
	bool json;
	bool allow_nested;
	bool revoke;
	bool undo;
	const char *name;
	const char *expires;
	const char *store_as;
	const char *as; /* the tool's command this binary was run as, or NULL */
	char **argv;    /* the whole command line, for launch.h */
	char **args;    /* what follows the options: an operation, or exec's */
	int nargs;      /* command and its arguments */
};

/* Fill out from argv.  `as` names the command when the binary was run
 * under a tool's name (git-credential-anyreach: "git"); then argv[1] on
 * are that command's options.  AC_USAGE with a message when malformed. */
enum ac_status cli_parse(
    int argc, char **argv, const char *as, struct cli *out);

/* The profile in effect: --profile, else ANYREACH_PROFILE, else default. */
const char *cli_profile(const struct cli *c);

/* Usage for one command, or the overview for CMD_HELP. */
void cli_usage(FILE *f, enum cli_command cmd);

#endif
