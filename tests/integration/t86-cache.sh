#!/bin/sh
# ANYREACH_CACHE_TTL: what get read from the Secret Service, kept for a
# while in the kernel's user keyring.  Runs in a user namespace of its
# own, whose user keyring is a fresh one: never the keyring of whoever
# runs the tests.  (Its session bus is still the test session's.)
if [ -z "${IN_KEY_NS-}" ]; then
	IN_KEY_NS=1 exec unshare --user --map-root-user \
		keyctl session - sh "$0" "$@" 2>/dev/null
fi
. "$(dirname "$0")/lib.sh"
GIT="$(dirname "$AC")/git-credential-anyreach"
DOCKER="$(dirname "$AC")/docker-credential-anyreach"
# Our entries in the user keyring, one line each from /proc/keys:
# "id flags usage timeout perm uid gid type description".
# Invalidated ("i" among the flags) and expired ones linger until the
# kernel's garbage collector takes them, and are left out.
entries() {
	grep ' user *anyreach-cred-cache:' /proc/keys |
		awk '$2 !~ /i/ && $4 != "expd"'
}
no_entries() { [ -z "$(entries)" ]; }
# The fourth field: the time left, "59s" or "1m" for a minute.
times_out_within_a_minute() {
	case $(entries | awk '{print $4}') in
	[1-5][0-9]s | 60s | 1m) true ;;
	*) false ;;
	esac
}
lock() {
	dbus-send --session --dest=org.freedesktop.secrets --print-reply \
		/org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
		array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
}
unlock() {
	printf %s "$KEYRING_TEST_PASSWORD" |
		gnome-keyring-daemon --replace --unlock --components=secrets \
		>/dev/null 2>&1
	sleep 0.5 # until the new daemon owns the bus name
}

run_in "$AK" "$AC" login
run "$AC" get --format env
check "off by default: get works" test "$out" = "ANYREACH_TOKEN=$AK"
check "... and leaves nothing in the kernel keyring" no_entries

export ANYREACH_CACHE_TTL=60
run "$AC" get --format env
check "with ANYREACH_CACHE_TTL, get still serves the stored token" \
	test "$out" = "ANYREACH_TOKEN=$AK"
check "... and keeps one entry in the user keyring" \
	test "$(entries | wc -l)" -eq 1
check "... whose timeout is the TTL, not permanent" \
	times_out_within_a_minute
check "... readable only by its possessor (the user may see and invalidate it)" \
	test "$(entries | awk '{print $5}')" = 3b090000
check "... holding the token only in the kernel (no file under HOME)" \
	sh -c '! grep -rq "$1" "$HOME" "$XDG_RUNTIME_DIR" 2>/dev/null' - "$CANARY"
run "$AC" status
check "status says the cache holds the profile" sh -c '
	printf "%s\n" "$1" | grep -q "^cache: *60 s.*holds this profile now"' \
	- "$out"

lock
run "$AC" get --format env
check "a cached get needs no Secret Service: served while it is locked" \
	test "$rc" -eq 0 -a "$out" = "ANYREACH_TOKEN=$AK"
run_in "protocol=https
host=api.anyreach.ai
" "$GIT" get
check "git get is served from the cache too" sh -c '
	printf "%s\n" "$1" | grep -qx "password=$2"' - "$out" "$AK"
run_in "protocol=https
host=api.anyreach.ai.evil.example
" "$GIT" get
check "... and the cache serves no other host" \
	test "$rc" -eq 0 -a -z "$out"
run keyctl session - "$AC" get --format env
check "another session of the same user is served too (it is per user)" \
	test "$out" = "ANYREACH_TOKEN=$AK"
run env -u ANYREACH_CACHE_TTL "$AC" get
expect "with the cache off, the locked keyring is asked again (exit 5)" 5
run env DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS,guid=0" \
	"$AC" get
expect "an entry serves only the bus it was read from" 5
unlock

# Every change to the stored credential drops what the cache holds,
# whether or not the process that made it has the cache on.
run_in "$AK2" env -u ANYREACH_CACHE_TTL "$AC" login
check "login (without the cache on) drops the entry" no_entries
run "$AC" get --format env
check "... so the next get serves the new token" \
	test "$out" = "ANYREACH_TOKEN=$AK2"
run_in "protocol=https
host=api.anyreach.ai
password=$AK2
" "$GIT" erase
check "git erase drops the entry" no_entries
run "$AC" get
expect "... and the erased credential is not served from anywhere" 1
run_in "$AK" "$AC" login
run "$AC" get
run_in '{"ServerURL":"https://api.anyreach.ai","Username":"x","Secret":"'"$AK2"'"}' \
	"$DOCKER" store
check "docker store drops the entry" no_entries
run "$AC" get
run "$AC" logout
run "$AC" get
expect "logout drops it: get finds nothing (exit 1)" 1

# An entry lives for the TTL and no longer.
run_in "$AK" "$AC" login
run env ANYREACH_CACHE_TTL=1 "$AC" get
lock
sleep 2
run "$AC" get
expect "after the TTL the entry is gone: the locked keyring is asked" 5
unlock

# What someone else put under our name is validated like an item.
run_in "$AK" "$AC" login
run "$AC" get # an entry of the generation login set, to forge in its place
id=$(entries | awk '{print $1}')
desc=$(keyctl rdescribe "0x$id" | sed 's/.*;//')
keyctl invalidate "0x$id"
# (from a session keyring that links the user keyring, as a login's does)
printf 'profile=default\nkind=pat\ntoken=%s\n' "$AK" |
	keyctl session - sh -c 'keyctl link @u @s && keyctl padd user "$1" @u' \
	- "$desc" >/dev/null
run "$AC" get --format env
check "a forged entry is refused, and the keyring serves instead" sh -c '
	[ "$1" -eq 0 ] && [ "$2" = "ANYREACH_TOKEN=$3" ] &&
	printf "%s" "$4" | grep -q "does not match its token"' - "$rc" "$out" "$AK" "$err"
check "... and dropped" test "$(entries | wc -l)" -eq 1

for v in abc 3601 -1 " 5" 5s; do
	run env ANYREACH_CACHE_TTL="$v" "$AC" get
	[ "$rc" -eq 2 ] || break
done
check "an ANYREACH_CACHE_TTL that is not 0-3600 seconds is refused (2)" \
	test "$rc" -eq 2
run env ANYREACH_CACHE_TTL=0 "$AC" status
check "0 turns it off" sh -c 'printf "%s\n" "$1" | grep -q "^cache: *off"' \
	- "$out"
run "$AC" doctor
check "doctor shows the cache and its TTL" sh -c '
	printf "%s\n" "$1" | grep -q "cache .*kept 60 s"' - "$out"
run env ANYREACH_STORE=kernel "$AC" status
check "the kernel store has no cache in front of it" sh -c '
	! printf "%s\n" "$1" | grep -q "^cache:"' - "$out"
# A container whose seccomp profile refuses keyctl, as Docker's does.
run /usr/bin/python3 "$(dirname "$0")/no_keyctl.py" "$AC" get --format env
check "keyctl refused: get quietly reads the keyring instead" sh -c '
	[ "$1" -eq 0 ] && [ "$2" = "ANYREACH_TOKEN=$3" ] && [ -z "$4" ]' - \
	"$rc" "$out" "$AK" "$err"
run /usr/bin/python3 "$(dirname "$0")/no_keyctl.py" "$AC" doctor
check "... and doctor says the cache cannot be used here" sh -c '
	[ "$1" -eq 0 ] && printf "%s\n" "$2" |
	grep -q "^warn  cache .*cannot hold it (Operation not permitted)"' \
	- "$rc" "$out"
done_testing
