#!/bin/sh
# doctor gives the right verdict, and exit status, in each situation; setup
# configures git and docker for real and --undo takes exactly that out.
. "$(dirname "$0")/lib.sh"
keyring_clear
bin=$(dirname "$AC")
export PATH="$bin:$PATH"

verdict() { # NAME RC PATTERN: doctor exited RC and printed PATTERN
	check "$1" sh -c '[ "$1" -eq "$2" ] && printf "%s\n" "$3" | grep -q "$4"' \
		- "$rc" "$2" "$out" "$3"
}

run "$AC" doctor
verdict "nothing stored: doctor exits 1 and says to log in" 1 \
	"FAIL  profile default .*anyreach-cred login"
run_in "$AK" "$AC" login
run "$AC" doctor
verdict "all well: doctor exits 0, get will work" 0 "^get will work"
check "... naming the bus, the service and the unlocked collection" sh -c '
	printf "%s\n" "$1" | grep -q "^ok  *session bus" &&
	printf "%s\n" "$1" | grep -q "^ok  *Secret Service" &&
	printf "%s\n" "$1" | grep -q "^ok  *default collection *unlocked" &&
	printf "%s\n" "$1" | grep -q "^ok  *profile default *an org API key"' \
	- "$out"
check "... and the helper links on PATH" sh -c '
	printf "%s\n" "$1" | grep -q "^ok  *git-credential-anyreach *$2/"' \
	- "$out" "$bin"
check "doctor never prints the secret" sh -c '
	! printf "%s\n" "$1" | grep -q "$2"' - "$out" "$CANARY"

run env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$T/none" "$AC" doctor
verdict "no session bus: exit 4, the bus marked FAIL" 4 "^FAIL  session bus"
check "... with the fix on stderr" sh -c '
	printf "%s" "$1" | grep -q "dbus-run-session"' - "$err"
run dbus-run-session --config-file="$(dirname "$0")/bare-bus.conf" -- \
	"$AC" doctor
verdict "no Secret Service: exit 4, the service marked FAIL" 4 \
	"^FAIL  Secret Service"
run env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$T/none" \
	ANYREACH_TOKEN="$AK" "$AC" doctor
verdict "env only, no bus: exit 0, ANYREACH_TOKEN used" 0 \
	"^ok  *token source *ANYREACH_TOKEN: valid"
run env ANYREACH_TOKEN="ak_broken" "$AC" doctor
verdict "an invalid ANYREACH_TOKEN: exit 3" 3 "^FAIL  token source"

dbus-send --session --dest=org.freedesktop.secrets --print-reply \
	/org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
	array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
run "$AC" doctor
verdict "a locked keyring: exit 5, said so" 5 \
	"^FAIL  default collection *locked"
check "... with no prompt raised (it returns at once)" test -z "$err"
printf %s "$KEYRING_TEST_PASSWORD" |
	gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1

run env IN_KEY_NS= unshare --user --map-root-user keyctl session - sh -c '
	export ANYREACH_STORE=kernel
	"$1" doctor || echo "rc=$?"
	printf "%s" "$2" | "$1" login 2>/dev/null && "$1" doctor' - "$AC" "$AK"
check "kernel keyring: nothing stored exits 1, then stored exits 0" sh -c '
	printf "%s\n" "$1" | grep -q "^ok  *kernel keyring" &&
	printf "%s\n" "$1" | grep -q "^rc=1" &&
	printf "%s\n" "$1" | tail -1 | grep -q "^get will work"' - "$out"

# doctor applies get's own rules to what is stored, without its secret.
printf '%s' "$AK" | secret-tool store --label=t xdg:schema $SCHEMA \
	profile old kind ak key_id key1 expires_at 1000 # login refuses that
run "$AC" doctor --profile old
verdict "an expired credential: exit 6, as get would" 6 "^FAIL  profile old"
run_in "$PAT" "$AC" login --profile pat
run "$AC" doctor --profile pat
verdict "a pat_ with no org anywhere: exit 2, as get would" 2 \
	"^FAIL  profile pat"
run "$AC" doctor --profile pat --org org_1
verdict "... and 0 once an org is given" 0 "^get will work"
run "$AC" doctor --profile "bad name"
expect "an invalid profile name: exit 3" 3
run env ANYREACH_API_URL=ftp://x "$AC" doctor
expect "an unusable ANYREACH_API_URL: exit 3, as get would" 3

# setup git: a real git asks us, and a global helper that stores in a
# file is never handed the secret.
git config --global credential.helper store
run "$AC" doctor
verdict "git not set up: doctor says to run setup" 0 \
	"^warn  git .*anyreach-cred setup git"
run "$AC" setup git
expect "setup git succeeds" 0
fill=$(printf 'protocol=https\nhost=api.anyreach.ai\n\n' |
	git credential fill 2>/dev/null)
check "git credential fill then gets the token from anyreach-cred" sh -c '
	printf "%s\n" "$1" | grep -qx "password=$2"' - "$fill" "$AK"
printf '%s\n\n' "$fill" | git credential approve
check "... and approve does not reach credential.helper=store" \
	test ! -e "$HOME/.git-credentials"
run "$AC" doctor
verdict "doctor then says git uses us" 0 "^ok  *git .*git-credential-anyreach"
run "$AC" setup git --undo
check "setup git --undo leaves the user's own helper, and nothing of ours" \
	sh -c '[ "$(git config --global --get-all credential.helper)" = store ] &&
	! grep -q anyreach "$HOME/.gitconfig"'
key=credential.https://api.anyreach.ai.helper
git config --global --add "$key" ""
git config --global --add "$key" cache
run "$AC" setup git
run "$AC" setup git --undo
check "an empty helper entry of the user's own survives setup and undo" \
	test "$(git config --global --get-all "$key" | tr '\n' ,)" = ",cache,"
git config --global --unset-all "$key"
# git asks helpers in the order it reads them: a [credential] section
# that comes after ours is asked too, and doctor must say so.
run "$AC" setup git
printf '[credential]\n\thelper = store\n' >>"$HOME/.gitconfig"
run "$AC" doctor
verdict "a helper set after ours: doctor warns that it may keep the token" \
	0 "^warn  git .*asks anyreach, store for the API"
printf 'protocol=https\nhost=api.anyreach.ai\nusername=u\npassword=%s\n\n' \
	"$AK" | git credential approve
check "... as it does: git hands the token to that helper" \
	grep -q "$CANARY" "$HOME/.git-credentials"
rm -f "$HOME/.git-credentials"
git config --global --remove-section credential
run "$AC" setup git --undo
touch "$HOME/.curlrc"
run "$AC" setup curl
check "setup curl writes nothing, exits 2, and says how to pass headers" \
	sh -c '[ "$1" -eq 2 ] && [ ! -s "$2" ] &&
	printf "%s" "$3" | grep -q "get --format curl | curl -K -"' \
	- "$rc" "$HOME/.curlrc" "$err"
rm -f "$HOME/.curlrc"
run "$AC" setup git --api http://evil.example
expect "setup --api refuses plain http to a host that is not loopback" 3

# setup docker: every other key kept, the mode kept, undo restores.
mkdir -p "$HOME/.docker"
cat >"$HOME/.docker/config.json" <<'JSON'
{
	"auths": {"registry.example": {"auth": "dXNlcjpwYXNz"}},
	"credsStore": "desktop",
	"credHelpers": {"gcr.io": "gcloud"},
	"proxies": {"default": {"httpProxy": "http://proxy:3128"}}
}
JSON
chmod 640 "$HOME/.docker/config.json"
cp "$HOME/.docker/config.json" "$T/docker-before.json"
run "$AC" setup docker
expect "setup docker succeeds" 0
check "credHelpers names us for the API host, every other key as it was" \
	python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
assert b["credHelpers"].pop("api.anyreach.ai") == "anyreach"
assert a == b, (a, b)' "$T/docker-before.json" "$HOME/.docker/config.json"
check "... with the file's mode kept" \
	test "$(stat -c %a "$HOME/.docker/config.json")" = 640
check "... and written indented with tabs, as docker writes it" \
	grep -q "^	\"credHelpers\": {" "$HOME/.docker/config.json"
run "$AC" doctor
verdict "doctor then says docker uses us" 0 "^ok  *docker .*docker-credential"
run_in "https://api.anyreach.ai" docker-credential-anyreach get
check "the helper docker would run serves the API host" sh -c '
	printf "%s" "$1" | grep -q "$2"' - "$out" "$AK"
run "$AC" setup docker --undo
check "setup docker --undo gives back the same document" python3 -c '
import json, sys
assert json.load(open(sys.argv[1])) == json.load(open(sys.argv[2]))' \
	"$T/docker-before.json" "$HOME/.docker/config.json"
printf '{"credHelpers": {"api.anyreach.ai": "ecr-login"}}' \
	>"$HOME/.docker/config.json"
run "$AC" setup docker
check "another tool's helper for the host is not replaced" sh -c '
	[ "$1" -ne 0 ] && grep -q ecr-login "$2" && ! grep -q "\"anyreach\"" "$2"' \
	- "$rc" "$HOME/.docker/config.json"
mv "$HOME/.docker/config.json" "$T/real-config.json"
ln -s "$T/real-config.json" "$HOME/.docker/config.json"
run "$AC" setup docker
check "a symlinked config.json is refused, saying so" sh -c '
	[ "$1" -ne 0 ] && printf "%s" "$2" | grep -q "symbolic link"' - "$rc" "$err"
rm -rf "$HOME/.docker"
run "$AC" setup docker --undo
check "undo with no config.json creates none" \
	test "$rc" -eq 0 -a ! -e "$HOME/.docker"
mkdir -p "$HOME/.docker"
printf '{"auths": {' >"$HOME/.docker/config.json"
run "$AC" setup docker
check "a config.json that is not JSON is refused and left alone" sh -c '
	[ "$1" -eq 3 ] && [ "$(cat "$2")" = "{\"auths\": {" ]' - "$rc" \
	"$HOME/.docker/config.json"

printf '{}' >"$HOME/.docker/config.json"
run "$AC" setup docker
run "$AC" setup docker --undo
check "setup then --undo on {} gives back {}, not an empty credHelpers" \
	python3 -c 'import json, sys; assert json.load(open(sys.argv[1])) == {}' \
	"$HOME/.docker/config.json"
: >"$HOME/.docker/config.json"
run "$AC" setup docker
check "an empty config.json is taken as {}, as docker takes it" python3 -c '
import json, sys
assert json.load(open(sys.argv[1])) == {"credHelpers": {"api.anyreach.ai": "anyreach"}}' \
	"$HOME/.docker/config.json"
chown 1234 "$HOME/.docker/config.json"
run "$AC" setup docker --undo
check "a config.json of another user is refused (setup through sudo)" sh -c '
	[ "$1" -ne 0 ] && printf "%s" "$2" | grep -q "another user" &&
	grep -q anyreach "$3"' - "$rc" "$err" "$HOME/.docker/config.json"

done_testing
