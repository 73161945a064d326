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
    "  exec    run a command with ANYREACH_TOKEN in its environment\n"
    "  doctor  check what works here (bus, keyring, tools) and what to do\n"
    "  setup   configure git or docker to use anyreach-cred (--undo)\n"
    "  verify  check the credential with the API and print its scopes\n"
    "  keys    create, list or delete org API keys through the API\n"
    "  rotate  replace a profile's org API key with a new one\n"
    "  git     git credential helper (also as git-credential-anyreach)\n"
    "  docker  docker credential helper (docker-credential-anyreach)\n"
    "  credential-helper\n"
    "          HTTP header helper for Bazel and others\n"
    "          (anyreach-credential-helper)\n"
    "  help    show help for a command: anyreach-cred help login\n"
    "\n"
    "options for every command: --help, --version\n"
    "\n"
    "environment:\n"
    "  ANYREACH_PROFILE  profile when --profile is not given (default:\n"
    "                    default)\n"
    "  ANYREACH_ORG_ID   org for a pat_ when --org is not given\n"
    "  ANYREACH_TOKEN, ANYREACH_TOKEN_FILE, $CREDENTIALS_DIRECTORY/\n"
    "  anyreach-token    a token from CI or a service manager: used, in\n"
    "                    this order, instead of the keyring\n"
    "  ANYREACH_API_URL  API base URL instead of the stored one\n"
    "  ANYREACH_KEYRING_TIMEOUT  seconds before a keyring call gives up\n"
    "  ANYREACH_STORE    secret-service (default) or kernel: the kernel\n"
    "                    keyring, for machines without a keyring daemon\n"
    "  ANYREACH_CACHE_TTL  seconds (1-3600) to keep what get read from the\n"
    "                    Secret Service in the kernel keyring; 0 or unset:\n"
    "                    no cache\n"
    "\n"
    "exit status:\n"
    "  0 success           1 not found          2 usage\n"
    "  3 invalid input     4 keyring unavailable 5 keyring locked\n"
    "  6 expired           7 rejected by API    8 forbidden by API\n"
    "  9 network error     10 other failure     11 TLS failure\n"
    "  12 API failure (5xx, 429, redirect, unusable reply)\n";

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
        "usage: anyreach-cred get [--profile P] [--org ORG] [--format F]\n"
        "                         [--reveal]\n"
        "\n"
        "Print the credential for the calling tool.  The org of a pat_ comes\n"
        "from --org, then ANYREACH_ORG_ID, then the default stored at login;\n"
        "an ak_ never has one.  Nothing is printed to a terminal unless\n"
        "--reveal is given.  Formats:\n"
        "  sh          (default) eval \"$(anyreach-cred get)\"\n"
        "  fish        anyreach-cred get --format fish | source\n"
        "  powershell  anyreach-cred get --format powershell | "
        "Invoke-Expression\n"
        "  env         NAME=value lines (docker --env-file, systemd)\n"
        "  headers     HTTP header lines (curl -H @file)\n"
        "  curl        a curl config (curl -K -)\n"
        "  json        the headers as a JSON object\n"
        "  github      inside GitHub Actions: mask, then write $GITHUB_ENV\n",
    [CMD_LIST] = "usage: anyreach-cred list [--json]\n"
                 "\n"
                 "List stored profiles: kind, key id, org, API URL, expiry.\n"
                 "Secrets are never listed.\n",
    [CMD_LOGOUT] =
        "usage: anyreach-cred logout [--profile P] [--revoke]\n"
        "\n"
        "Remove the profile's credential from the keyring.  With --revoke,\n"
        "first delete the org API key on the server; if that fails, the\n"
        "keyring keeps it so you can try again.\n",
    [CMD_DOCTOR] =
        "usage: anyreach-cred doctor [--profile P] [--org ORG]\n"
        "\n"
        "Check, one line each, what get needs and the calling tools use:\n"
        "the token source, the store (session bus, Secret Service, default\n"
        "collection and whether it is locked, or the kernel keyring), the\n"
        "profile, the helper links on PATH, and git's and docker's\n"
        "configuration.  Reads no secret and raises no prompt.  Exits 0 when\n"
        "get will work, else with the code get would exit with.\n",
    [CMD_SETUP] =
        "usage: anyreach-cred setup git|docker [--undo] [--api URL]\n"
        "\n"
        "Configure a calling tool to ask anyreach-cred for the API's host\n"
        "(--api, else ANYREACH_API_URL, else https://api.anyreach.ai):\n"
        "  git     credential.<url>.helper \"\" then \"anyreach\" in\n"
        "          ~/.gitconfig (the empty one keeps other helpers from\n"
        "          storing the secret)\n"
        "  docker  credHelpers[host] = \"anyreach\" in ~/.docker/config.json,\n"
        "          keeping every other key, written atomically\n"
        "--undo removes exactly what setup added.\n",
    [CMD_STATUS] = "usage: anyreach-cred status [--profile P]\n"
                   "\n"
                   "Show the profile in effect, where it came from, and what\n"
                   "the keyring holds for it (never the secret).\n",
    [CMD_VERIFY] =
        "usage: anyreach-cred verify [--profile P] [--org ORG]\n"
        "\n"
        "Ask the API which scopes the credential has (GET\n"
        "/admin/members/me/scopes) and print them, one a line.  Exit 7 if\n"
        "the API rejects it, 8 if it may not do this, 2 if a pat_ lacks an\n"
        "org, 9 on network and 11 on TLS failures.  Nothing is erased.\n",
    [CMD_KEYS] =
        "usage: anyreach-cred keys create --name NAME [--expires WHEN]\n"
        "                                 [--store-as PROFILE]\n"
        "       anyreach-cred keys list [--json]\n"
        "       anyreach-cred keys delete KEY_ID\n"
        "\n"
        "Manage the org's API keys with the credential of --profile.  A new\n"
        "key goes straight from the API into the keyring under --store-as\n"
        "(default: NAME) and is never printed; if it cannot be stored, it\n"
        "is deleted on the server again.  WHEN is 30d, YYYY-MM-DD or never.\n",
    [CMD_ROTATE] =
        "usage: anyreach-cred rotate [--profile P] [--name NAME] "
        "[--expires WHEN]\n"
        "\n"
        "Create a new org API key with the old one's name, check it with\n"
        "the API, store it in place of the old one, and only then delete\n"
        "the old key on the server.  On any failure the old key stays in\n"
        "the keyring and on the server.\n",
    [CMD_EXEC] =
        "usage: anyreach-cred exec [--profile P] [--org ORG] "
        "[--allow-nested]\n"
        "                          [--] CMD [ARGS...]\n"
        "\n"
        "Run CMD (directly, no shell) with ANYREACH_TOKEN, and "
        "ANYREACH_ORG_ID\n"
        "for a pat_ (removed for an ak_), in its environment; its exit status\n"
        "is passed through.  Refuses to run inside another exec unless\n"
        "--allow-nested is given.\n",
    [CMD_GIT] =
        "usage: anyreach-cred git [--profile P] get|store|erase\n"
        "       git-credential-anyreach [--profile P] get|store|erase\n"
        "\n"
        "git's credential-helper protocol, extended (see PROTOCOL.md):\n"
        "    git config --global "
        "credential.https://api.anyreach.ai.helper anyreach\n"
        "Answers only for the exact origin of the profile's API URL.\n",
    [CMD_DOCKER] =
        "usage: docker-credential-anyreach get|store|erase|list|version\n"
        "\n"
        "docker's credential-helper protocol, for the profile in effect\n"
        "(ANYREACH_PROFILE).  The org of a pat_ travels as the Username.\n",
    [CMD_CREDENTIAL_HELPER] =
        "usage: anyreach-credential-helper get\n"
        "\n"
        "The EngFlow credential-helper protocol (Bazel --credential_helper):\n"
        "reads {\"uri\": ...} and answers with the Authorization (and, for a\n"
        "pat_, X-Anyreach-Org) headers for the profile's API origin only.\n",
};

void
cli_usage(FILE *f, enum cli_command cmd)
{
	if (cmd >= CMD_LOGIN && cmd <= CMD_ROTATE)
		fputs(command_usage[cmd], f);
	else
		fputs(overview, f);
}
