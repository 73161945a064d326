#!/bin/sh
# CI and servers: a token from ANYREACH_TOKEN, ANYREACH_TOKEN_FILE or a
# systemd credential is served by every personality and format with no
# D-Bus at all; exec and the GitHub Actions format hand it on safely.
. "$(dirname "$0")/lib.sh"
keyring_clear
BIN=$(dirname "$AC")
# nobus CMD...: run with no session bus in reach.
nobus() {
	env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$T/nowhere" "$@"
}

run nobus env ANYREACH_TOKEN="$AK" "$AC" get
check "ANYREACH_TOKEN is served with no session bus" \
	test "$rc" -eq 0 -a "$out" = "ANYREACH_TOKEN='$AK'; export ANYREACH_TOKEN; unset ANYREACH_ORG_ID; "
for f in fish powershell env headers curl json; do
	run nobus env ANYREACH_TOKEN="$AK" "$AC" get --format $f
	check "... and in the $f format" sh -c \
		'[ "$1" -eq 0 ] && printf "%s" "$2" | grep -q "$3"' - "$rc" "$out" "$AK"
done
run_in "protocol=https
host=api.anyreach.ai
" nobus env ANYREACH_TOKEN="$AK" "$BIN/git-credential-anyreach" get
check "... to git" sh -c 'printf "%s\n" "$1" | grep -qx "password=$2"' - "$out" "$AK"
run_in "https://api.anyreach.ai" nobus env ANYREACH_TOKEN="$AK" \
	"$BIN/docker-credential-anyreach" get
check "... to docker" sh -c 'printf "%s" "$1" | grep -q "\"Secret\":\"$2\""' - "$out" "$AK"
run_in '{"uri":"https://api.anyreach.ai/x"}' nobus env ANYREACH_TOKEN="$AK" \
	"$BIN/anyreach-credential-helper" get
check "... to the header helper" sh -c 'printf "%s" "$1" | grep -q "Bearer $2"' - "$out" "$AK"
run_in "protocol=https
host=evil.example
" nobus env ANYREACH_TOKEN="$AK" "$BIN/git-credential-anyreach" get
check "... and still only to the API host" test -z "$out"
run_in "protocol=https
host=127.0.0.1:9
" nobus env ANYREACH_TOKEN="$AK" ANYREACH_API_URL=https://127.0.0.1:9 \
	"$BIN/git-credential-anyreach" get
check "ANYREACH_API_URL moves the origin it is served to" sh -c \
	'printf "%s\n" "$1" | grep -qx "password=$2"' - "$out" "$AK"

run nobus env ANYREACH_TOKEN="$PAT" ANYREACH_ORG_ID=org_ci "$AC" get --format headers
check "a pat_ from ANYREACH_TOKEN goes with ANYREACH_ORG_ID" test "$out" = \
	"Authorization: Bearer $PAT
X-Anyreach-Org: org_ci"
run nobus env -u ANYREACH_ORG_ID ANYREACH_TOKEN="$PAT" "$AC" get
expect "a pat_ from ANYREACH_TOKEN without an org is a usage error" 2
run nobus env ANYREACH_TOKEN="pat_${CANARY} x" "$AC" get
expect "an invalid ANYREACH_TOKEN is refused" 3
check "... saying which variable, without echoing it" sh -c \
	'printf "%s" "$1" | grep -q "ANYREACH_TOKEN holds no valid token"' - "$err"

run nobus env ANYREACH_TOKEN= "$AC" get
check "an empty ANYREACH_TOKEN (a CI secret that is not there) is an error" \
	sh -c '[ "$1" -eq 3 ] && printf "%s" "$2" | grep -q ANYREACH_TOKEN' \
	- "$rc" "$err"
mkfifo "$T/fifo"
run timeout 5 env ANYREACH_TOKEN_FILE="$T/fifo" "$AC" get
expect "a FIFO as token file is refused at once, not waited on" 3
printf '%s\n' "$AK2" >"$T/token"
run nobus env ANYREACH_TOKEN_FILE="$T/token" "$AC" get
check "ANYREACH_TOKEN_FILE is read, one newline stripped" sh -c \
	'printf "%s" "$1" | grep -q "'"'"'$2'"'"'"' - "$out" "$AK2"
mkdir "$T/k8s" "$T/k8s/..data"
cp "$T/token" "$T/k8s/..data/token"
ln -s ..data/token "$T/k8s/token"
run nobus env ANYREACH_TOKEN_FILE="$T/k8s/token" "$AC" get
check "... also through a Kubernetes-style symlink" sh -c \
	'printf "%s" "$1" | grep -q "$2"' - "$out" "$AK2"
run nobus env ANYREACH_TOKEN_FILE="$T/missing" "$AC" get
expect "a missing ANYREACH_TOKEN_FILE is an error, not a fallback" 3
printf 'pat_%s x\n' "$CANARY" >"$T/bad"
run nobus env ANYREACH_TOKEN_FILE="$T/bad" "$AC" get
expect "a token file with an invalid token is refused" 3
run nobus env ANYREACH_TOKEN_FILE="$T" "$AC" get
expect "a directory is not a token file" 3

mkdir "$T/creds"
printf '%s' "$PAT" >"$T/creds/anyreach-token"
run nobus env CREDENTIALS_DIRECTORY="$T/creds" ANYREACH_ORG_ID=o "$AC" get
check "a systemd credential is read" sh -c \
	'printf "%s" "$1" | grep -q "$2"' - "$out" "$PAT"
run nobus env ANYREACH_TOKEN="$AK" ANYREACH_TOKEN_FILE="$T/token" \
	CREDENTIALS_DIRECTORY="$T/creds" "$AC" get
check "ANYREACH_TOKEN comes first" sh -c 'printf "%s" "$1" | grep -q "$2"' - "$out" "$AK"
run nobus env ANYREACH_TOKEN_FILE="$T/token" CREDENTIALS_DIRECTORY="$T/creds" "$AC" get
check "then ANYREACH_TOKEN_FILE" sh -c 'printf "%s" "$1" | grep -q "$2"' - "$out" "$AK2"
run nobus env CREDENTIALS_DIRECTORY="$T" "$AC" get
expect "a credentials directory without our file falls to the keyring" 4
run env ANYREACH_TOKEN_FILE="$T/token" "$AC" status
check "status names the source in effect" sh -c \
	'printf "%s" "$1" | grep -q "^source: *ANYREACH_TOKEN_FILE"' - "$out"

# A CI token is never written to a keyring, whatever asks.
run_in "protocol=https
host=api.anyreach.ai
username=default
password=$AK
" env ANYREACH_TOKEN="$AK" "$BIN/git-credential-anyreach" store
check "git store with ANYREACH_TOKEN in effect writes nothing" \
	test "$(keyring_items)" -eq 0
run_in "{\"ServerURL\":\"https://api.anyreach.ai\",\"Username\":\"o\",\"Secret\":\"$AK\"}" \
	env ANYREACH_TOKEN="$AK" "$BIN/docker-credential-anyreach" store
check "docker store with ANYREACH_TOKEN in effect is refused" \
	test "$rc" -eq 1 -a "$(keyring_items)" -eq 0

# exec: the command gets the token in its environment, nothing else.
run env ANYREACH_TOKEN="$AK" ANYREACH_ORG_ID=stale "$AC" exec -- sh -c \
	'printf "%s|%s" "$ANYREACH_TOKEN" "${ANYREACH_ORG_ID-<unset>}"; exit 7'
check "exec hands an ak_ to the command and removes a stale org" \
	test "$out" = "$AK|<unset>"
check "... and passes its exit status through" test "$rc" -eq 7
run env ANYREACH_TOKEN="$PAT" "$AC" exec --org org_x -- sh -c \
	'printf "%s|%s" "$ANYREACH_TOKEN" "$ANYREACH_ORG_ID"'
check "exec hands a pat_ with its org" test "$out" = "$PAT|org_x"
run env ANYREACH_TOKEN="$AK" "$AC" exec -- "$AC" exec -- true
expect "exec inside exec is refused" 2
run env ANYREACH_TOKEN="$AK" "$AC" exec -- "$AC" exec --allow-nested -- true
expect "... unless --allow-nested" 0
run env ANYREACH_TOKEN="$AK" "$AC" exec -- no-such-command-here
expect "exec of a missing command exits 127, as a shell does" 127
run_in "$AK" "$AC" login
run "$AC" exec -- sh -c 'printf "%s" "$ANYREACH_TOKEN"'
check "exec takes the token from the keyring too" test "$out" = "$AK"

# GitHub Actions: mask first, then $GITHUB_ENV with a random delimiter.
: >"$T/github_env"
run env GITHUB_ACTIONS=true GITHUB_ENV="$T/github_env" ANYREACH_TOKEN="$PAT" \
	ANYREACH_ORG_ID=org_gh "$AC" get --format github
check "the github format registers the mask on stdout and nothing else" \
	test "$out" = "::add-mask::$PAT"
check "\$GITHUB_ENV gets both values under a random delimiter" python3 -c '
import re, sys
text = open(sys.argv[1]).read()
blocks = re.findall(r"^(\w+)<<(ghadelimiter_[0-9a-f]{32})\n(.*?)\n\2\n", text, re.M | re.S)
assert {k: v for k, _, v in blocks} == {"ANYREACH_TOKEN": sys.argv[2],
                                        "ANYREACH_ORG_ID": "org_gh"}, text
assert len(blocks) == 2 and blocks[0][1] != "EOF"' "$T/github_env" "$PAT"
first=$(sed -n 's/^ANYREACH_TOKEN<<//p' "$T/github_env")
: >"$T/github_env"
env GITHUB_ACTIONS=true GITHUB_ENV="$T/github_env" ANYREACH_TOKEN="$PAT" \
	ANYREACH_ORG_ID=org_gh "$AC" get --format github >/dev/null
check "... a new delimiter each time" test "$first" != \
	"$(sed -n 's/^ANYREACH_TOKEN<<//p' "$T/github_env")"
run env -u GITHUB_ACTIONS ANYREACH_TOKEN="$PAT" ANYREACH_ORG_ID=o "$AC" get --format github
check "outside GitHub Actions the github format prints nothing" \
	test "$rc" -eq 2 -a -z "$out"

done_testing
