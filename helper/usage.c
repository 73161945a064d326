#include "cli.h"

static const char overview[] =
    "usage: anyreach-cred <command> [options]\n"
    "\n"
    "Keep Anyreach credentials in the system keyring and hand them to the\n"
    "tools that need them.\n"
    "\n"
    "commands:\n"
    "  login   store a token read from standard input or a prompt\n"
    "  get     print shell code that exports ANYREACH_TOKEN (and\n"
    "          ANYREACH_ORG_ID for a pat_): eval \"$(anyreach-cred get)\"\n"
    "  list    list stored profiles (never the secrets)\n"
    "  logout  remove a profile's credential from the keyring\n"
    "  status  show the profile in effect and what is stored for it\n"
    "  help    show help for a command: anyreach-cred help login\n"
    "\n"
    "options for every command: --help, --version\n"
    "\n"
    "environment:\n"
    "  ANYREACH_PROFILE  profile when --profile is not given (default:\n"
    "                    default)\n"
    "  ANYREACH_ORG_ID   org for a pat_ when --org is not given\n"
    "\n"
    "exit status:\n"
    "  0 success           1 not found          2 usage\n"
    "  3 invalid input     4 keyring unavailable 5 keyring locked\n"
    "  6 expired           7 rejected by API    8 forbidden by API\n"
    "  9 network error     10 other failure\n";

static const char *const command_usage[] = {
    [CMD_LOGIN] =
        "usage: anyreach-cred login [--profile P] [--org ORG] [--api URL]\n"
        "                           [--expires-at MS]\n"
        "\n"
        "Read a token (ak_<id>.<secret> or pat_...) from standard input, or\n"
        "prompt for it without echo on a terminal, validate it and store it\n"
        "in the keyring, replacing the profile's old credential.\n"
        "\n"
        "  --profile P      profile to store under (default: default)\n"
        "  --org ORG        default org id sent with a pat_ (not for ak_)\n"
        "  --api URL        API base URL (default: https://api.anyreach.ai)\n"
        "  --expires-at MS  expiry in epoch milliseconds\n",
    [CMD_GET] =
        "usage: anyreach-cred get [--profile P] [--org ORG] [--reveal]\n"
        "\n"
        "Print POSIX shell code that sets and exports ANYREACH_TOKEN, and\n"
        "ANYREACH_ORG_ID for a pat_ (unset for an ak_):\n"
        "    eval \"$(anyreach-cred get)\"\n"
        "The org of a pat_ comes from --org, then ANYREACH_ORG_ID, then the\n"
        "default stored at login.  Nothing is printed to a terminal unless\n"
        "--reveal is given.\n",
    [CMD_LIST] = "usage: anyreach-cred list [--json]\n"
                 "\n"
                 "List stored profiles: kind, key id, org, API URL, expiry.\n"
                 "Secrets are never listed.\n",
    [CMD_LOGOUT] = "usage: anyreach-cred logout [--profile P]\n"
                   "\n"
                   "Remove the profile's credential from the keyring.\n",
    [CMD_STATUS] = "usage: anyreach-cred status [--profile P]\n"
                   "\n"
                   "Show the profile in effect, where it came from, and what\n"
                   "the keyring holds for it (never the secret).\n",
};

void
cli_usage(FILE *f, enum cli_command cmd)
{
	if (cmd >= CMD_LOGIN && cmd <= CMD_STATUS)
		fputs(command_usage[cmd], f);
	else
		fputs(overview, f);
}
