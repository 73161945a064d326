#!/bin/sh
# The README's examples, as written.  Each command is taken from a code
# block of README.md, so an example that drifts from the program fails
# here, and run by the shell or client it is written for: sh, bash, dash,
# zsh, fish, git, curl (to https://api.anyreach.ai, which ~/.curlrc sends
# to a local stand-in that trusts only the seeded tokens), the API
# commands against the stand-in.  The CI runners, systemd and Kubernetes
# are emulated the way they hand over a secret (variables, a credentials
# directory, a secret volume).  bazel and PowerShell are not in Debian;
# the header helper and the powershell format are tested in t70 and t80.
# Runs in a user namespace of its own, for the kernel keyring examples.
if [ -z "${IN_KEY_NS-}" ]; then
	IN_KEY_NS=1 exec unshare --user --map-root-user \
		keyctl session - sh "$0" "$@" 2>/dev/null
fi
. "$(dirname "$0")/lib.sh"
readme="$(dirname "$0")/../../README.md"
bin=$(dirname "$AC")
export PATH="$bin:$PATH"
keyring_clear
export GIT_TERMINAL_PROMPT=0

# example TEXT: the first line of a README code block that starts with
# TEXT, into $ex; an example that is gone fails the test that uses it.
example() {
	ex=$(P=$1 awk '/^```/ { inside = !inside; next }
		inside && index($0, ENVIRON["P"]) == 1 { print; exit }' "$readme")
	[ -n "$ex" ] || printf 'README has no example starting: %s\n' "$1" >&2
}
# block FIRST: the lines of the code block whose first line starts with
# FIRST, into $ex.
block() {
	ex=$(P=$1 awk '/^```/ { if (found) exit; inside = !inside; next }
		inside && (found || index($0, ENVIRON["P"]) == 1) { found = 1; print }' \
		"$readme")
	[ -n "$ex" ] || printf 'README has no block starting: %s\n' "$1" >&2
}
# run_ex SHELL [INPUT]: run $ex with that shell, INPUT on its stdin; an
# example that was not found fails with 127.
run_ex() {
	if [ -z "$ex" ]; then
		echo "no such example in the README" >"$T/err"
		: >"$T/out"
		rc=127
		_finish_run
		return
	fi
	if [ $# -gt 1 ]; then
		printf %s "$2" | "$1" -c "$ex" >"$T/out" 2>"$T/err"
	else
		"$1" -c "$ex" </dev/null >"$T/out" 2>"$T/err"
	fi
	rc=$?
	_finish_run "$ex"
}
# The path of the last request the stand-in for the API got.
last_path() { tail -n 1 "$api_log" | sed 's/.*"path": "\([^"]*\)".*/\1/'; }

# The stand-in for https://api.anyreach.ai, with a certificate for that
# name; curl reaches it through ~/.curlrc, which the examples never use.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=api.anyreach.ai \
	-addext subjectAltName=DNS:api.anyreach.ai \
	-keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
MGR="ak_1a2b3c4d.${CANARY}manager"
cat >"$T/seed.json" <<EOS
{"keys": [{"token": "$AK", "name": "readme", "org": "org_1",
           "scopes": ["organizations:manage", "agents:read"]},
          {"token": "$MGR", "name": "old", "org": "org_1", "scopes": []}],
 "pats": [{"token": "$PAT", "orgs": {"org_123": ["agents:read"],
                                      "org_456": ["agents:read"]}}]}
EOS
start_fake_api "$T/seed.json" --tls "$T/cert.pem" "$T/key.pem"
printf 'connect-to = api.anyreach.ai:443:127.0.0.1:%s\ncacert = %s\n' \
	"$api_port" "$T/cert.pem" >"$HOME/.curlrc"

# Usage.
example "printf '%s\\n' \"\$SECRET\" | anyreach-cred login"
export SECRET="$AK"
run_ex sh
unset SECRET
check "usage: login from a pipe stores the ak_" sh -c \
	'[ "$(secret-tool lookup xdg:schema $1 profile default)" = "$2" ]' - \
	"$SCHEMA" "$AK"
example "anyreach-cred login --profile work --org org_123"
run_ex sh "$PAT"
check "usage: login --profile work --org org_123 stores the pat_" sh -c \
	'[ "$(secret-tool lookup xdg:schema $1 profile work)" = "$2" ]' - \
	"$SCHEMA" "$PAT"
example 'eval "$(anyreach-cred get)"'
cmd=$ex
for shell in sh bash dash zsh; do
	ex="$cmd
printf '%s|%s' \"\$ANYREACH_TOKEN\" \"\${ANYREACH_ORG_ID-unset}\""
	run_ex "$shell"
	check "usage: eval get in $shell sets the ak_ and no org" \
		test "$out" = "$AK|unset"
done
example 'eval "$(anyreach-cred get --profile work --org org_456)"'
ex="$ex
printf '%s|%s' \"\$ANYREACH_TOKEN\" \"\$ANYREACH_ORG_ID\""
run_ex sh
check "usage: eval get --profile work --org org_456" \
	test "$out" = "$PAT|org_456"
example 'curl -H "Authorization: Bearer $ANYREACH_TOKEN" https://api.anyreach.ai/'
ex="eval \"\$(anyreach-cred get)\"; $ex"
run_ex sh
check "usage: curl with \$ANYREACH_TOKEN reaches the API with the ak_" \
	test "$(last_header Authorization)" = "Bearer $AK"
for cmd in "anyreach-cred list " "anyreach-cred list --json" \
	"anyreach-cred status " "anyreach-cred help login"; do
	example "$cmd"
	run_ex sh
	check "usage: '$ex' succeeds" test "$rc" -eq 0 -a -n "$out"
done
example "anyreach-cred list --json"
run_ex sh
check "usage: list --json lists both profiles" python3 -c '
import json, sys
assert sorted(p["profile"] for p in json.loads(sys.argv[1])) == ["default", "work"]' \
	"$out"

# Shells.
example "anyreach-cred get --format fish | source"
ex="$ex
printf %s \$ANYREACH_TOKEN; set -q ANYREACH_ORG_ID; or printf '|unset'"
run_ex fish
check "shells: fish sources the fish format" test "$out" = "$AK|unset"

# exec.
mkdir "$T/work" "$T/bin"
cd "$T/work" || exit 1
printf '#!/bin/sh\nprintf "%%s|%%s|%%s" "$ANYREACH_TOKEN" "${ANYREACH_ORG_ID-unset}" "$*"\n' \
	>deploy.sh
chmod +x deploy.sh
example "anyreach-cred exec -- ./deploy.sh --prod"
run_ex sh
check "exec: deploy.sh gets the ak_, no org, and its arguments" \
	test "$out" = "$AK|unset|--prod"
printf 'import os\nprint(os.environ["ANYREACH_TOKEN"] + "|" + os.environ["ANYREACH_ORG_ID"])\n' \
	>sync.py
ln -s "$(command -v python3)" "$T/bin/python"
example "anyreach-cred exec --profile work --org org_123 -- python sync.py"
ex="PATH=$T/bin:\$PATH; $ex"
run_ex sh
check "exec: python sync.py gets the pat_ and org_123" \
	test "$out" = "$PAT|org_123"

# curl.
example "anyreach-cred get --format curl | curl -K - https://api.anyreach.ai/"
run_ex sh
check "curl: -K - gets the scopes from the API with the ak_" sh -c '
	[ "$1" = agents:read ] || printf "%s" "$1" | grep -q "agents:read"' - "$out"
example 'anyreach-cred get --format headers > "$XDG_RUNTIME_DIR/anyreach.h"'
run_ex sh
example 'curl -H @"$XDG_RUNTIME_DIR/anyreach.h" https://api.anyreach.ai/'
run_ex sh
check "curl: -H @file sends the ak_ to the path asked" sh -c '
	[ "$1" = "Bearer $2" ] && [ "$3" = /core/agents ]' - \
	"$(last_header Authorization)" "$AK" "$(last_path)"
rm -f "$XDG_RUNTIME_DIR/anyreach.h"

# git.
example "anyreach-cred setup git"
run_ex sh
example "printf 'url=https://api.anyreach.ai\\n\\n' | git credential fill"
run_ex sh
check "git: after setup git, git credential fill gets the ak_" sh -c '
	printf "%s\n" "$1" | grep -qx "password=$2"' - "$out" "$AK"

# MCP.
example "anyreach-cred get --format json"
run_ex sh
check "mcp: get --format json is the header object" python3 -c '
import json, sys
assert json.loads(sys.argv[1]) == {"Authorization": "Bearer " + sys.argv[2]}' \
	"$out" "$AK"
block '{ "mcpServers"'
printf '%s\n' "$ex" >"$T/mcp.json"
ex=$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["mcpServers"]["anyreach"]["headersHelper"])' \
	"$T/mcp.json")
run_ex sh
check "mcp: the config's headersHelper prints string headers for the API" \
	python3 -c '
import json, sys
cfg = json.load(open(sys.argv[1]))["mcpServers"]["anyreach"]
assert cfg["url"].startswith("https://api.anyreach.ai/")
h = json.loads(sys.argv[2])
assert h == {"Authorization": "Bearer " + sys.argv[3]}, h' \
	"$T/mcp.json" "$out" "$AK"

# GitHub Actions: each step's run line with its env.
example "- run: anyreach-cred get --format github"
ex=${ex#- run: }
: >"$T/github_env"
export GITHUB_ACTIONS=true GITHUB_ENV="$T/github_env" ANYREACH_TOKEN="$PAT" \
	ANYREACH_ORG_ID=org_123
run_ex sh
unset GITHUB_ACTIONS GITHUB_ENV ANYREACH_TOKEN ANYREACH_ORG_ID
check "actions: get --format github masks the token, then exports both" \
	sh -c '[ "$(head -n 1 "$1")" = "::add-mask::$2" ] &&
	grep -qx "$2" "$3" && grep -qx org_123 "$3"' - "$T/out" "$PAT" \
	"$T/github_env"
example "- run: anyreach-cred exec -- ./deploy.sh"
ex=${ex#- run: }
export ANYREACH_TOKEN="$AK2"
run_ex sh
unset ANYREACH_TOKEN
check "actions: exec hands the step's secret to deploy.sh" \
	test "$out" = "$AK2|unset|"

# systemd: LoadCredential= copies the file into $CREDENTIALS_DIRECTORY;
# no bus in a system service.
example "LoadCredential=anyreach-token:"
src=${ex#LoadCredential=anyreach-token:}
mkdir -p "$T/root${src%/*}" "$T/creds"
printf '%s\n' "$AK2" >"$T/root$src"
cp "$T/root$src" "$T/creds/anyreach-token"
printf '#!/bin/sh\nprintf %%s "$ANYREACH_TOKEN"\n' >"$T/bin/my-service"
chmod +x "$T/bin/my-service"
example "ExecStart=/usr/local/bin/anyreach-cred exec -- /usr/local/bin/my-service"
ex=$(printf %s "${ex#ExecStart=}" | sed "s|/usr/local/bin/anyreach-cred|$AC|;
	s|/usr/local/bin/my-service|$T/bin/my-service|")
ex="unset DBUS_SESSION_BUS_ADDRESS; CREDENTIALS_DIRECTORY=$T/creds $ex"
run_ex sh
check "systemd: the service gets the credential, with no bus" \
	test "$out" = "$AK2"

# Kubernetes: a secret volume is a ..data directory and symlinks to it.
example "    value: /var/run/secrets/anyreach/token"
file=$T/root${ex#*value: }
mkdir -p "${file%/*}/..data"
printf '%s\n' "$AK2" >"${file%/*}/..data/token"
ln -s ..data/token "$file"
ex="anyreach-cred get --format env"
ex="unset DBUS_SESSION_BUS_ADDRESS; ANYREACH_TOKEN_FILE=$file $ex"
run_ex sh
check "kubernetes: ANYREACH_TOKEN_FILE on a secret volume" \
	test "$out" = "ANYREACH_TOKEN=$AK2"

# The kernel keyring, with no bus at all.
block "export ANYREACH_STORE=kernel"
ex="unset DBUS_SESSION_BUS_ADDRESS; $ex
printf %s \"\$ANYREACH_TOKEN\""
run_ex sh "$AK2"
check "kernel keyring: login and get, no bus" test "$out" = "$AK2"

# The cache.
block "export ANYREACH_CACHE_TTL=300"
ex=$(printf '%s\n' "$ex" | sed '1a anyreach-cred get >/dev/null')
run_ex sh
check "cache: status says what the README says it says" sh -c '
	printf "%s\n" "$1" | grep -q "^cache: *300 s in the kernel user keyring; holds this profile now"' \
	- "$out"

# Keys, against a plain stand-in on loopback (ANYREACH_API_URL).
start_fake_api "$T/seed.json"
export ANYREACH_API_URL="$api"
block "anyreach-cred verify"
printf '%s\n' "$ex" >"$T/keys.sh"
while IFS= read -r line; do
	ex=$line
	run_ex sh
	check "keys: '${line%%  *}' succeeds" test "$rc" -eq 0
done <"$T/keys.sh"
unset ANYREACH_API_URL
printf 'Authorization: Bearer %s\n' "$MGR" >"$T/mgr.h"
check "keys: the key deleted by its id no longer authenticates" test \
	"$(curl -q -s -o /dev/null -w '%{http_code}' -H @"$T/mgr.h" \
		"$api/admin/members/me/scopes")" = 401

done_testing
