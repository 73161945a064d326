#!/bin/sh
# ANYREACH_STORE=kernel: the kernel's persistent keyring, for machines
# without a Secret Service.  Runs in a user namespace of its own, whose
# persistent keyring is a fresh one: never the keyring of whoever runs
# the tests.
if [ -z "${IN_KEY_NS-}" ]; then
	IN_KEY_NS=1 exec unshare --user --map-root-user \
		keyctl session - sh "$0" "$@" 2>/dev/null
fi
. "$(dirname "$0")/lib.sh"
export ANYREACH_STORE=kernel
nobus() { env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$T/none" "$@"; }

run_in "$AK" nobus "$AC" login
expect "login stores in the kernel keyring with no session bus at all" 0
run nobus "$AC" get --format env
check "get reads it back" test "$out" = "ANYREACH_TOKEN=$AK"
check "the entry is one user key in the persistent keyring" sh -c '
	keyctl show "$(keyctl get_persistent @s)" | grep -q "user: anyreach-cred:default"'
check "another session of the user reads it (it outlives the shell)" sh -c '
	keyctl session - "$1" get --format env 2>/dev/null |
	grep -qx "ANYREACH_TOKEN=$2"' - "$AC" "$AK"
run nobus "$AC" status
check "status names the kernel keyring" sh -c '
	printf "%s\n" "$1" | grep -q "^store: *kernel keyring"' - "$out"
run nobus "$AC" list
check "list shows the profile" sh -c '
	printf "%s\n" "$1" | grep -q "^default *ak *key1"' - "$out"

run_in "ak_bad token" nobus "$AC" login
expect "an invalid token is refused" 3
run nobus "$AC" get --format env
check "... and the stored one is still there" test "$out" = "ANYREACH_TOKEN=$AK"
run_in "$AK2" nobus "$AC" login
run nobus "$AC" get --format env
check "a second login replaces the token" test "$out" = "ANYREACH_TOKEN=$AK2"
check "... in the same single key" sh -c '
	[ "$(keyctl show "$(keyctl get_persistent @s)" |
		grep -c anyreach-cred:default)" -eq 1 ]'

run_in "protocol=https
host=api.anyreach.ai
" nobus "$(dirname "$AC")/git-credential-anyreach" get
check "git get serves it" sh -c '
	printf "%s\n" "$1" | grep -qx "password=$2"' - "$out" "$AK2"
run_in "protocol=https
host=evil.example
" nobus "$(dirname "$AC")/git-credential-anyreach" get
check "... and not to another host" test "$rc" -eq 0 -a -z "$out"
run_in "protocol=https
host=api.anyreach.ai
password=$AK
" nobus "$(dirname "$AC")/git-credential-anyreach" erase
run nobus "$AC" get --format env
check "git erase of another token leaves the stored one" \
	test "$out" = "ANYREACH_TOKEN=$AK2"

# What someone else wrote under our name is validated like any item.
keyctl add user anyreach-cred:odd "profile=odd
kind=ak
token=ak_x.y
extra line" "$(keyctl get_persistent @s)" >/dev/null
run nobus "$AC" get --profile odd
expect "a malformed entry is refused" 3
keyctl add user anyreach-cred:lie "profile=lie
kind=pat
token=$AK" "$(keyctl get_persistent @s)" >/dev/null
run nobus "$AC" get --profile lie
expect "an entry whose token is not of its kind is refused" 3

keyctl add user anyreach-cred:other "profile=default
kind=ak
token=$AK" "$(keyctl get_persistent @s)" >/dev/null
run nobus "$AC" get --profile other
expect "an entry whose payload names another profile is refused" 3
for i in $(seq 1 300); do # other programs' keys share the keyring
	keyctl add user "someone-else:$i" x "$(keyctl get_persistent @s)" >/dev/null
done
run nobus "$AC" list
check "list finds ours among 300 keys of other programs" sh -c '
	printf "%s\n" "$1" | grep -q "^default "' - "$out"

run nobus "$AC" doctor
check "doctor with the kernel store and no bus: exit 0, get will work" sh -c '
	[ "$1" -eq 0 ] && printf "%s\n" "$2" | grep -q "^ok  *kernel keyring" &&
	printf "%s\n" "$2" | grep -q "^get will work"' - "$rc" "$out"
run nobus "$AC" logout
expect "logout removes it" 0
run nobus "$AC" get
expect "... and get then finds nothing" 1
run nobus "$AC" doctor
check "... and doctor says so: exit 1, as get would" sh -c '
	[ "$1" -eq 1 ] && printf "%s\n" "$2" | grep -q "^ok  *kernel keyring"' \
	- "$rc" "$out"

run_in "$AK" nobus "$AC" login
run env -u ANYREACH_STORE -u DBUS_SESSION_BUS_ADDRESS \
	XDG_RUNTIME_DIR="$T/none" "$AC" get
expect "never a fallback: without ANYREACH_STORE, no bus is an error" 4
run env ANYREACH_STORE=kernal "$AC" get
expect "an unknown ANYREACH_STORE is a usage error" 2

# A container whose seccomp profile refuses keyctl, as Docker's does.
forbid=$(dirname "$0")/no_keyctl.py
run nobus /usr/bin/python3 "$forbid" "$AC" get
check "keyctl refused: get exits 4 and says what to use instead" sh -c '
	[ "$1" -eq 4 ] && printf "%s" "$2" | grep -q "kernel keyring cannot be used here.*ANYREACH_TOKEN"' \
	- "$rc" "$err"
run nobus /usr/bin/python3 "$forbid" "$AC" doctor
check "... and doctor gives the same verdict, marking the kernel keyring" sh -c '
	[ "$1" -eq 4 ] && printf "%s\n" "$2" | grep -q "^FAIL  kernel keyring *not usable here"' \
	- "$rc" "$out"

done_testing
