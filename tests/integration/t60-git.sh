#!/bin/sh
# The git personality, driven by real git: credential fill/approve/reject,
# and a real clone over HTTP from a server that accepts only the right
# credential.  Then the protocol's edge cases, straight at the helper.
. "$(dirname "$0")/lib.sh"
keyring_clear
PATH="$(dirname "$AC"):$PATH"
export PATH GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$T/gitconfig"
: >"$T/gitconfig"
# If git has to ask a person, the fake askpass says so in a log.
cat >"$T/askpass" <<EOS
#!/bin/sh
echo "askpass: \$*" >>"$T/askpass.log"
echo askpass-answer
EOS
chmod +x "$T/askpass"
export GIT_ASKPASS="$T/askpass"

# fill URL: what git credential fill prints for URL with our helper.
fill() {
	: >"$T/askpass.log"
	printf 'url=%s\n\n' "$1" |
		git -c credential.helper= -c credential.helper=anyreach \
			credential fill 2>"$T/err"
}
asked() { test -s "$T/askpass.log"; }

run_in "$AK" "$AC" login
check "git credential fill gets the token for the API host" test \
	"$(fill https://api.anyreach.ai)" = "protocol=https
host=api.anyreach.ai
username=default
password=$AK"
check "... without asking a person" sh -c '! test -s "$1"' - "$T/askpass.log"
check "... the host is matched without regard to case" sh -c \
	'printf "%s" "$1" | grep -q "password=$2"' - \
	"$(fill https://API.AnyReach.ai/some/path)" "$AK"
for url in http://api.anyreach.ai https://evil.example \
	https://api.anyreach.ai.evil.example https://api.anyreach.ai:8443 \
	https://evil.example/api.anyreach.ai; do
	result=$(fill "$url")
	check "no token for $url" sh -c \
		'! printf "%s" "$1" | grep -q "$2" && test -s "$3"' - \
		"$result" "$CANARY" "$T/askpass.log"
done

printf 'protocol=https\nhost=api.anyreach.ai\nusername=default\npassword=%s\n\n' \
	"$AK2" | git -c credential.helper=anyreach credential approve
check "git credential approve stores a new token for the API host" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile default)" = "$AK2"
printf 'protocol=https\nhost=evil.example\nusername=default\npassword=%s\n\n' \
	"$AK" | git -c credential.helper=anyreach credential approve
check "approve for another host stores nothing" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile default)" = "$AK2"
printf 'protocol=https\nhost=api.anyreach.ai\nusername=default\npassword=%s\n\n' \
	"$AK" | git -c credential.helper=anyreach credential reject
check "reject with a password that is not the stored one erases nothing" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile default)" = "$AK2"
printf 'protocol=https\nhost=api.anyreach.ai\nusername=default\npassword=%s\n\n' \
	"$AK2" | git -c credential.helper=anyreach credential reject
check "reject with the stored password erases it" \
	test "$(keyring_items)" -eq 0

# A real clone over HTTP, from a server that wants exactly our token.
mkdir -p "$T/srv"
git init -q --bare "$T/srv/repo.git"
git clone -q "$T/srv/repo.git" "$T/work" 2>/dev/null
(cd "$T/work" && echo hello >file && git add file &&
	git -c user.name=t -c user.email=t@t commit -qm one &&
	git push -q origin HEAD:main && git -C "$T/srv/repo.git" symbolic-ref HEAD refs/heads/main)
printf 'Basic %s\n' "$(printf 'local:%s' "$PAT" | base64 -w0)" >"$T/auth"
start_server git "$T/requests" "$T/srv" "$T/auth"
origin="http://127.0.0.1:$port"
run_in "$PAT" "$AC" login --profile local --api "$origin" --org org_1
git config --global "credential.$origin.helper" "anyreach --profile=local"
: >"$T/askpass.log"
git clone -q "$origin/repo.git" "$T/clone" 2>"$T/err"
check "git clone over HTTP authenticates with the stored token" \
	test "$(cat "$T/clone/file" 2>/dev/null)" = hello
check "... without asking a person" sh -c '! test -s "$1"' - "$T/askpass.log"
check "git ls-remote works the same way" sh -c \
	'git ls-remote "$1/repo.git" 2>/dev/null | grep -q refs/heads/main' - "$origin"
run_in "$AK" "$AC" login --profile local --api "$origin"
git clone -q "$origin/repo.git" "$T/clone2" 2>/dev/null
check "a wrong stored token fails the clone" test ! -e "$T/clone2/file"
check "... and git's reject erases exactly that token" sh -c \
	'[ -z "$(secret-tool lookup xdg:schema '$SCHEMA' profile local)" ]'

# ANYREACH_API_URL applies to one run; it is never written to a profile.
run_in "$PAT" "$AC" login --profile keep --org org_1
run_in "protocol=http
host=127.0.0.1:9
username=keep
password=$AK
profile=keep
" env ANYREACH_API_URL=http://127.0.0.1:9 git-credential-anyreach store
check "a store under ANYREACH_API_URL keeps the profile's own API URL" sh -c \
	'"$1" list | grep -Eq "^keep .*https://api.anyreach.ai$"' - "$AC"
run_in "protocol=https
host=api.anyreach.ai
password=$PAT
profile=keep
org=org_2
" git-credential-anyreach store
check "a store of the same token with a new org updates the org" sh -c \
	'"$1" list | grep -Eq "^keep +pat +- +org_2 "' - "$AC"

# The protocol's edge cases, straight at the helper.
run_in "$PAT" "$AC" login --org org_1 --expires-at 4102444800000
helper() { run_in "$1" git-credential-anyreach get; }
helper "protocol=https
host=api.anyreach.ai"
check "a request without a trailing blank line is answered" sh -c \
	'printf "%s\n" "$1" | grep -qx "password=$2"' - "$out" "$PAT"
check "the answer carries the expiry in seconds" sh -c \
	'printf "%s\n" "$1" | grep -qx "password_expiry_utc=4102444800"' - "$out"
check "... and both headers as header[] lines" sh -c '
	printf "%s\n" "$1" | grep -qx "header\[\]=Authorization: Bearer $2" &&
	printf "%s\n" "$1" | grep -qx "header\[\]=X-Anyreach-Org: org_1"' - \
	"$out" "$PAT"
check "... and no authtype without the capability" sh -c \
	'! printf "%s\n" "$1" | grep -q "^authtype=\|^credential="' - "$out"
helper "capability[]=authtype
protocol=https
host=api.anyreach.ai
org=org_req
"
check "with capability[]=authtype the answer is Bearer" sh -c '
	printf "%s\n" "$1" | head -1 | grep -qx "capability\[\]=authtype" &&
	printf "%s\n" "$1" | grep -qx "authtype=Bearer" &&
	printf "%s\n" "$1" | grep -qx "credential=$2"' - "$out" "$PAT"
check "a request's org= is the org sent" sh -c \
	'printf "%s\n" "$1" | grep -qx "header\[\]=X-Anyreach-Org: org_req"' - "$out"
helper "protocol=https
host=api.anyreach.ai
profile=nothing
"
check "a request's profile= selects the profile" test -z "$out"

# no_answer NAME INPUT [CODE]: nothing on stdout; exit CODE (default 0).
no_answer() {
	run_in "$2" git-credential-anyreach get
	if [ -n "$out" ]; then
		not_ok "$1" "expected no answer"
	elif [ "$rc" -ne "${3:-0}" ]; then
		not_ok "$1" "expected exit ${3:-0}"
	else
		ok "$1"
	fi
}
no_answer "no host: no answer" "protocol=https
"
no_answer "no protocol: no answer" "host=api.anyreach.ai
"
no_answer "an empty host: no answer" "protocol=https
host=
"
no_answer "http to the API host: no answer" "protocol=http
host=api.anyreach.ai
"
no_answer "a lookalike host: no answer" "protocol=https
host=api.anyreach.ai.evil.example
"
no_answer "a percent-encoded host: no answer" "protocol=https
host=api%2eanyreach.ai
"
no_answer "a username that is not the profile: no answer" "protocol=https
host=api.anyreach.ai
username=someone
"
no_answer "a second host line is refused" "protocol=https
host=evil.example
host=api.anyreach.ai
" 3
no_answer "a lone CR in a value is refused" "protocol=https
host=api.anyreach.ai$(printf '\r')x
" 3
no_answer "a line without = is refused" "protocol=https
host=api.anyreach.ai
junk
" 3
printf 'protocol=https\nhost=api.anyreach.ai\000x\n' >"$T/nul"
git-credential-anyreach get <"$T/nul" >"$T/out" 2>/dev/null
rc=$?
check "a NUL in a line is refused with no answer" sh -c \
	'[ "$1" -eq 3 ] && [ ! -s "$2" ]' - "$rc" "$T/out"
{ printf 'protocol=https\nhost=evil.example\nwwwauth[]='
  head -c 70000 /dev/zero | tr '\0' x
  printf 'host=api.anyreach.ai\n\n'; } >"$T/long"
git-credential-anyreach get <"$T/long" >"$T/out" 2>"$T/err"
check "a line over 65535 bytes cannot smuggle a host in" sh -c \
	'[ ! -s "$1" ] && grep -q "longer than 65535" "$2"' - "$T/out" "$T/err"
run_in "protocol=https
host=api.anyreach.ai
" git-credential-anyreach frobnicate
check "an unknown operation is ignored: no output, exit 0" \
	test "$rc" -eq 0 -a -z "$out" -a -z "$err"
run_in "protocol=https
host=api.anyreach.ai
password=$PAT
" git-credential-anyreach store
check "store prints nothing" test -z "$out"

done_testing
