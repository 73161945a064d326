# Shared helpers for the integration tests.  Each test file is a POSIX sh
# script that sources this, runs the installed-shape binary $AC inside the
# private keyring that tests/keyring-session.sh set up, and prints TAP.
#
# Every command run through run/run_in is also checked for leaks: no part
# of a canary secret may ever appear on its stderr.

: "${AC:?AC must name the anyreach-cred binary under test}"
T=$(mktemp -d "${TMPDIR:-/tmp}/anyreach-test.XXXXXX")
bg_pids=""
# shellcheck disable=SC2086 # one word per pid
trap 'kill $bg_pids 2>/dev/null; rm -rf "$T"' EXIT
SCHEMA=ai.anyreach.Credential
CANARY=canaryQ7xZ
# A secret pasted where it does not belong (argv): tests that check it is
# never echoed use this, as the canary must never be in a command line.
PASTED=pastedK4w
AK="ak_key1.${CANARY}secretA"
AK2="ak_key2.${CANARY}secretB"
PAT="pat_${CANARY}secretC"
tests_run=0

ok() {
	tests_run=$((tests_run + 1))
	echo "ok $tests_run - $1"
}

not_ok() {
	tests_run=$((tests_run + 1))
	echo "not ok $tests_run - $1"
	shift
	for line in "$@"; do
		printf '#   %s\n' "$line"
	done
	printf '#   rc=%s\n#   stdout: %s\n#   stderr: %s\n' "${rc-}" \
		"$(head -c 600 "$T/out" 2>/dev/null)" \
		"$(head -c 600 "$T/err" 2>/dev/null)"
}

# check NAME CMD...: the test passes when CMD succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}

_finish_run() {
	out=$(cat "$T/out")
	err=$(cat "$T/err")
	if grep -q "$CANARY\|$PASTED" "$T/err"; then
		not_ok "no secret on stderr of: $*"
	fi
}

# run CMD...: stdin from /dev/null; sets rc, out, err.
run() {
	"$@" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	_finish_run "$@"
}

# run_in INPUT CMD...: INPUT (printf %s, so no added newline) on stdin.
run_in() {
	input=$1
	shift
	printf '%s' "$input" | "$@" >"$T/out" 2>"$T/err"
	rc=$?
	_finish_run "$@"
}

# The process that owns the Secret Service's name on the test bus.
keyring_daemon_pid() {
	dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
		/org/freedesktop/DBus \
		org.freedesktop.DBus.GetConnectionUnixProcessID \
		string:org.freedesktop.secrets | awk '{print $2}'
}

# Every item of our schema with its attributes and secret, in a stable
# order: what "the keyring is unchanged" is measured against.
keyring_snapshot() {
	secret-tool search --all xdg:schema "$SCHEMA" 2>/dev/null |
		grep -v '^\(created\|modified\) = ' | sort
}

keyring_items() {
	secret-tool search --all xdg:schema "$SCHEMA" 2>/dev/null |
		grep -c '^\[/'
}

keyring_clear() {
	secret-tool clear xdg:schema "$SCHEMA" 2>/dev/null
	return 0
}

# One line on stderr, starting with the program's name.
one_line_error() {
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
		case $err in anyreach-cred:*) true ;; *) false ;; esac
}

# expect NAME CODE: the last run exited with CODE.
expect() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else not_ok "$1" "expected exit $2"; fi
}

done_testing() {
	echo "1..$tests_run"
}

# wait_until CMD...: until CMD succeeds (5 s at most).
wait_until() {
	tries=0
	until "$@" || [ $tries -ge 100 ]; do
		sleep 0.05
		tries=$((tries + 1))
	done
}

# wait_for FILE: until a server wrote it.
wait_for() {
	wait_until test -s "$1"
}

# start_server MODE ARGS...: run servers/http_server.py in the background
# and set $port once it listens; it is stopped when the test file ends.
start_server() {
	mode=$1
	shift
	rm -f "$T/port"
	python3 "$(dirname "$0")/servers/http_server.py" "$mode" "$T/port" "$@" &
	bg_pids="$bg_pids $!"
	wait_for "$T/port"
	port=$(cat "$T/port")
}

# start_fake_api SEED [--tls CERT KEY]: run tests/fake-api/server.py and
# set $api (its base URL) and $api_log (its request log).
start_fake_api() {
	seed=$1
	shift
	rm -f "$T/api_port"
	api_servers=$((${api_servers:-0} + 1))
	api_log="$T/api_requests.$api_servers"
	: >"$api_log"
	python3 "$(dirname "$0")/../fake-api/server.py" "$T/api_port" \
		"$api_log" "$seed" "$@" 2>>"$T/api_stderr" &
	bg_pids="$bg_pids $!"
	wait_for "$T/api_port"
	api_port=$(cat "$T/api_port")
	api="http://127.0.0.1:$api_port"
}

# last_header NAME: that header of the last request of the fake API started
# last ("" if none).
last_header() {
	tail -n 1 "$api_log" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("\n".join(v for k, v in r["headers"] if k.lower() == sys.argv[1].lower()))' "$1"
}

# api_mode JSON: make the fake API misbehave; api_reset: stop that.
api_mode() {
	curl -q -sS -o /dev/null -X POST --data "$1" "$api/__control"
}
api_reset() {
	curl -q -sS -o /dev/null -X POST "$api/__reset"
}

# api_count METHOD PATH: requests the fake API got for METHOD PATH.
api_count() {
	grep -c "\"method\": \"$1\", \"path\": \"$2" "$api_log"
}
