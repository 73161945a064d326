#!/bin/sh
# get reads the keyring in its own lean way (helper/store_bus.c) and hands
# every write to anyreach-cred-keyring: check what each loads, that the
# reader finds what libsecret stored, and that it leaves no trace in the
# processes it runs.
. "$(dirname "$0")/lib.sh"
keyring_clear
run_in "$AK" "$AC" login

# The shared objects a run opened, dlopen included (ld.so's own log).
libs_of() {
	LD_DEBUG=files "$@" 2>&1 >/dev/null </dev/null |
		sed -n 's/.*file=\([^ ]*\) .*\(needed by\|dynamically loaded\).*/\1/p'
}
env_libs=$(ANYREACH_TOKEN=$AK libs_of "$AC" get)
check "get from ANYREACH_TOKEN loads neither libdbus nor GLib nor libcurl" \
	sh -c '! printf "%s\n" "$1" | grep -q "dbus\|glib\|secret\|curl"' - \
	"$env_libs"
kr_libs=$(libs_of "$AC" get)
check "get from the keyring loads libdbus, and neither GLib nor libcurl" \
	sh -c 'printf "%s\n" "$1" | grep -q "libdbus-1" &&
	! printf "%s\n" "$1" | grep -q "glib\|secret\|curl"' - "$kr_libs"
git_libs=$(printf 'protocol=https\nhost=api.anyreach.ai\n\n' |
	LD_DEBUG=files "$(dirname "$AC")/git-credential-anyreach" get 2>&1 \
	>/dev/null | grep -c "libglib\|libcurl")
check "git get loads neither GLib nor libcurl" test "$git_libs" -eq 0
login_libs=$(printf '%s' "$AK" | LD_DEBUG=files "$AC" login 2>&1 |
	grep -c "file=libsecret-1")
check "login hands over to the libsecret executable" test "$login_libs" -ge 1

# This process ignores SIGPIPE (and libdbus would make it), but exec's
# command gets the dispositions its caller had.
control=$(sh -c 'sed -n "s/^SigIgn:[[:space:]]*//p" /proc/$$/status')
run "$AC" exec -- sh -c 'sed -n "s/^SigIgn:[[:space:]]*//p" /proc/$$/status'
check "exec's command ignores the signals it would have anyway" \
	test "$rc" -eq 0 -a "$out" = "$control"
# ... and the ones its caller ignores, SIGPIPE and SIGALRM (which get sets
# while it connects to the bus) included.
printf '%s\n' 'sed -n "s/^SigIgn:[[:space:]]*//p" /proc/$$/status' \
	>"$T/sigign"
control=$(sh -c 'trap "" PIPE ALRM; sh "$1"' - "$T/sigign")
run sh -c 'trap "" PIPE ALRM; exec "$1" exec -- sh "$2"' - "$AC" "$T/sigign"
check "exec's command ignores what its caller ignored, SIGPIPE and SIGALRM too" \
	test "$rc" -eq 0 -a "$out" = "$control" -a "$control" != "$(sh "$T/sigign")"
# A caller that blocked SIGALRM, had one pending and an alarm running: get
# unblocks it to time its connect, and must neither take the pending one
# for its own timeout nor lose any of it.
run python3 -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
os.kill(os.getpid(), signal.SIGALRM)
signal.alarm(30)
os.execv(sys.argv[1], sys.argv[1:])' "$AC" exec -- python3 -c 'import signal
print(signal.SIGALRM in signal.sigpending(),
      signal.SIGALRM in signal.pthread_sigmask(signal.SIG_BLOCK, []),
      0 < signal.alarm(0) <= 30)'
check "exec's command still has SIGALRM blocked, pending, and the alarm" \
	test "$rc" -eq 0 -a "$out" = "True True True"

# Between a store and the removal of the item it replaced, two items: the
# newer is the one served (Modified has whole seconds).
sleep 1.1
printf '%s' "$AK2" | secret-tool store --label=t xdg:schema $SCHEMA \
	profile default kind ak key_id key2 api https://api.anyreach.ai
run "$AC" get --format env
check "of two items for a profile, the newer is served" sh -c '
	printf "%s\n" "$1" | grep -q "key2"' - "$out"

# Each item says when it was stored (in ms), which outranks Modified, and
# both readers (this one and libsecret's in anyreach-cred-keyring) agree,
# even on a tie, where the object path decides.
keyring=$(dirname "$AC")/../libexec/anyreach-cred/anyreach-cred-keyring
stored() { # TOKEN KEY_ID STORED_AT
	printf '%s' "$1" | secret-tool store --label=t xdg:schema $SCHEMA \
		profile default kind ak key_id "$2" stored_at "$3" \
		api https://api.anyreach.ai
}
keyring_clear
stored "$AK" key1 1900000000000
sleep 1.1
stored "$AK2" key2 1800000000000
run "$AC" get --format env
lean=$out
run "$keyring" get --format env
check "the item stored last by its own account is served, not the last modified" \
	sh -c 'printf "%s\n" "$1" | grep -q key1 && [ "$1" = "$2" ]' - "$lean" "$out"
keyring_clear
stored "$AK" key1 1900000000000
stored "$AK2" key2 1900000000000
run "$AC" get --format env
lean=$out
run "$keyring" get --format env
check "on a tie both readers serve the same item" test "$lean" = "$out"
keyring_clear
run_in "$AK" "$AC" login
check "login writes when it stored the item" sh -c '
	secret-tool search --all xdg:schema '$SCHEMA' profile default 2>&1 |
	grep -q "^attribute.stored_at = 1[0-9]\{12\}$"'

# Without DBUS_SESSION_BUS_ADDRESS, $XDG_RUNTIME_DIR/bus, as libdbus and
# GLib find it; a directory name with D-Bus address syntax in it.
bus=$(printf '%s' "$DBUS_SESSION_BUS_ADDRESS" |
	sed -n 's/^unix:path=\([^,]*\).*/\1/p')
odd="$T/run dir,a=b;c"
mkdir -p "$odd"
ln -s "$bus" "$odd/bus"
run env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$odd" "$AC" get \
	--format env
check "the bus is found at \$XDG_RUNTIME_DIR/bus, whatever its name" sh -c '
	[ "$1" -eq 0 ] && printf "%s\n" "$2" | grep -q key1' - "$rc" "$out"

# gnome-keyring can handle a new client's call before it has a record of
# the client, and aborts if that call is OpenSession.  So a get's first
# call to the service needs no record, and OpenSession waits for its
# answer (secret_bus.c, bus_meet_service).
first_calls() { # MONITOR_LOG: exit 0 if the first call is as it must be
	awk 'function field(k, i, v) {
		for (i = 1; i <= NF; i++)
			if (index($i, k "=") == 1) {
				v = substr($i, length(k) + 2)
				sub(/;$/, "", v)
				return v
			}
		return ""
	}
	/^method call .* destination=org\.freedesktop\.secrets / && !first {
		first = $0; who = field("sender"); serial = field("serial")
	}
	/^method return / && who != "" && field("destination") == who &&
	    field("reply_serial") == serial { answered = 1 }
	/ member=OpenSession$/ && !opened { opened = answered ? 2 : 1 }
	END {
		exit !(opened == 2 && first ~ /DBus\.Properties; member=Get$/)
	}' "$1"
}
dbus-monitor --session >"$T/monitor" 2>&1 &
monitor=$!
# A monitor loses its own name once it is one; under load, it may lag
# behind what it watches.
wait_until grep -q "member=NameLost" "$T/monitor"
run "$AC" get
wait_until grep -q "member=OpenSession" "$T/monitor"
kill "$monitor"
wait "$monitor"
check "a get's first call to the service needs no client record" \
	first_calls "$T/monitor"
rm -f "$T/monitor" # it saw the secret: the session is plain

# Gets at once, each on a new connection, as make -j or parallel fetches
# make them: gnome-keyring must outlive them.  The race is narrow: with
# OpenSession first, this caught the abort in about half of the runs; the
# check above is the one that always would.
keyring_clear
run_in "$AK" "$AC" login
daemon=$(keyring_daemon_pid)
loops=""
for p in 1 2 3 4 5 6 7 8; do
	(
		for _ in $(seq 150); do
			"$AC" get >/dev/null 2>>"$T/par$p.err" ||
				cp "$T/par$p.err" "$T/par.fail"
		done
	) &
	loops="$loops $!"
done
# shellcheck disable=SC2086 # one word per pid
wait $loops
check "1200 gets in 8 parallel loops all succeed" test ! -e "$T/par.fail"
if [ -e "$T/par.fail" ]; then sed "s/^/# /" "$T/par.fail"; fi
check "... and the keyring daemon outlives them" \
	test "$(keyring_daemon_pid)" = "$daemon"
check "... and none of them shows the secret on stderr" \
	sh -c '! cat "$@" | grep -q "$0"' "$CANARY" "$T"/par?.err

done_testing
