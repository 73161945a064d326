#!/bin/sh
# When the keyring cannot be used: a one-line error that says what to do,
# a distinct exit code, no hang, and nothing erased or overwritten.
. "$(dirname "$0")/lib.sh"
keyring_clear
run_in "$AK" "$AC" login
before=$(keyring_snapshot)

now_ms() { date +%s%3N; }

t0=$(now_ms)
run env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$T/none" "$AC" get
t1=$(now_ms)
expect "no session bus: exit 4" 4
check "... within 2 s" test $((t1 - t0)) -lt 2000
check "... with one line naming D-Bus and a fix" sh -c '
	printf "%s" "$1" | grep -q "no D-Bus session bus.*dbus-run-session"' - "$err"
check "... and one line only" one_line_error

run env DBUS_SESSION_BUS_ADDRESS="unix:path=$T/no-socket" "$AC" get
expect "a bus address that leads nowhere: exit 4" 4
check "... saying it cannot reach the bus" sh -c '
	printf "%s" "$1" | grep -q "cannot reach the D-Bus session bus"' - "$err"

# A libdbus that cannot serve (here, one without its functions): the error
# says which library, why, and what to do.
mkdir "$T/lib"
printf 'int not_libdbus;\n' >"$T/lib/empty.c"
cc -shared -o "$T/lib/libdbus-1.so.3" "$T/lib/empty.c"
run env LD_LIBRARY_PATH="$T/lib" "$AC" get
expect "a libdbus without its functions: exit 4" 4
check "... saying which library, why, and what to do" sh -c '
	printf "%s" "$1" | grep -q "libdbus-1.so.3 to reach the keyring (.*undefined symbol: dbus_.*); install libdbus-1-3"' - "$err"

# A bus that accepts and never speaks, and one whose listener stopped
# accepting (a full backlog): libdbus would wait on either for good.
for kind in silent full; do
	python3 "$(dirname "$0")/servers/stuck_socket.py" "$kind" \
		"$T/$kind.sock" &
	bg_pids="$bg_pids $!"
done
for _ in 1 2 3 4 5 6 7 8 9 10; do
	[ -S "$T/silent.sock" ] && [ -S "$T/full.sock" ] && break
	sleep 0.2
done
sleep 0.3 # the full one fills its backlog after binding
for kind in silent full; do
	t0=$(now_ms)
	run env DBUS_SESSION_BUS_ADDRESS="unix:path=$T/$kind.sock" \
		ANYREACH_KEYRING_TIMEOUT=2 "$AC" get
	t1=$(now_ms)
	check "a $kind bus: get gives up after the 2 s asked for, exit 4" \
		test "$rc" -eq 4 -a $((t1 - t0)) -ge 1900 -a $((t1 - t0)) -lt 4000
	check "... saying it did not answer" sh -c '
		printf "%s" "$1" | grep -q "did not answer within 2 s"' - "$err"
done
# The deadline is an alarm: a caller that blocks SIGALRM (the mask is
# inherited through exec) must not take it away.
t0=$(now_ms)
run env DBUS_SESSION_BUS_ADDRESS="unix:path=$T/full.sock" \
	ANYREACH_KEYRING_TIMEOUT=2 timeout 10 python3 -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
os.execv(sys.argv[1], sys.argv[1:])' "$AC" get
t1=$(now_ms)
check "SIGALRM blocked by the caller: get still gives up after 2 s, exit 4" \
	test "$rc" -eq 4 -a $((t1 - t0)) -ge 1900 -a $((t1 - t0)) -lt 4000

t0=$(now_ms)
run dbus-run-session --config-file="$(dirname "$0")/bare-bus.conf" -- \
	"$AC" get
t1=$(now_ms)
expect "a bus without a Secret Service: exit 4" 4
check "... saying to start one" sh -c '
	printf "%s" "$1" | grep -q "no Secret Service.*gnome-keyring"' - "$err"
check "... within 2 s" test $((t1 - t0)) -lt 2000
run dbus-run-session --config-file="$(dirname "$0")/bare-bus.conf" -- \
	"$AC" list
expect "list on a bus without a Secret Service: exit 4" 4

# A Secret Service that never answers: stop the daemon.
daemon=$(keyring_daemon_pid)
kill -STOP "$daemon"
t0=$(now_ms)
run env ANYREACH_KEYRING_TIMEOUT=2 "$AC" get
t1=$(now_ms)
run_in "$AK2" env ANYREACH_KEYRING_TIMEOUT=2 "$AC" login
login_rc=$rc
kill -CONT "$daemon"
expect "a Secret Service that never answers: get gives up with exit 4" 4
check "... after the 2 s asked for, not much later" \
	test $((t1 - t0)) -ge 1900 -a $((t1 - t0)) -lt 4000
check "... saying it did not answer" sh -c '
	printf "%s" "$1" | grep -q "did not answer within 2 s"' - "$err"
check "login against it fails too" test "$login_rc" -eq 4
sleep 1 # let the daemon drain the calls that were queued while stopped
check "after the hang the keyring holds the old or the new token" sh -c '
	t=$(secret-tool lookup xdg:schema '$SCHEMA' profile default)
	[ "$t" = "$1" ] || [ "$t" = "$2" ]' - "$AK" "$AK2"
run_in "$AK" "$AC" login
before=$(keyring_snapshot)

# A locked collection, with no prompter to unlock it (no display).
dbus-send --session --dest=org.freedesktop.secrets --print-reply \
	/org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
	array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
run "$AC" get
expect "a locked keyring: get exits 5" 5
check "... saying how to unlock it" sh -c '
	printf "%s" "$1" | grep -q "locked.*unlock"' - "$err"
check "... with nothing on stdout" test -z "$out"
run_in "$AK2" "$AC" login
expect "a locked keyring: login exits 5" 5
run "$AC" logout
check "a locked keyring: logout fails and erases nothing" test "$rc" -ne 0
run "$AC" status
expect "status still reads what is stored while locked" 0
run_in "protocol=https
host=evil.example
" "$(dirname "$AC")/git-credential-anyreach" get
check "a request for another host while locked: no answer, no error" \
	test "$rc" -eq 0 -a -z "$out" -a -z "$err"
run_in "protocol=https
host=api.anyreach.ai
" "$(dirname "$AC")/git-credential-anyreach" get
check "a request for the API host while locked says it is locked" sh -c \
	'[ "$1" -eq 5 ] && [ -z "$2" ]' - "$rc" "$out"
# Unlock by restarting the daemon with the password: the item must be the
# old one, untouched by the refused login and logout.
printf %s "$KEYRING_TEST_PASSWORD" |
	gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1
check "after unlocking, the old token is still there" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile default)" = "$AK"

done_testing
