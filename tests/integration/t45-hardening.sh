#!/bin/sh
# Bad days: the keyring daemon killed mid-store, 50 logins racing 50 gets,
# stdout closed early, signals mid-operation, a crash, and a debugger of
# the same user.  Nothing is torn, lost, dumped or attachable.
. "$(dirname "$0")/lib.sh"
keyring_clear
restart_daemon() {
	printf %s "$KEYRING_TEST_PASSWORD" | gnome-keyring-daemon --replace \
		--unlock --components=secrets >/dev/null 2>&1
}

# The daemon killed while a store waits on it.
run_in "$AK" "$AC" login
pid=$(keyring_daemon_pid)
kill -STOP "$pid"
printf '%s' "$AK2" | "$AC" login >"$T/out" 2>"$T/err" &
login=$!
sleep 0.5
kill -KILL "$pid"
wait $login
rc=$?
restart_daemon
check "a store whose daemon is killed reports failure" test "$rc" -ne 0
attrs=$(secret-tool search --all xdg:schema $SCHEMA profile default 2>&1)
token=$(secret-tool lookup xdg:schema $SCHEMA profile default)
check "... and afterwards the item holds the old or the new token" sh -c \
	'[ "$1" = "$2" ] || [ "$1" = "$3" ]' - "$token" "$AK" "$AK2"
check "... with the attributes of that same token, never a mix" sh -c '
	id=${1#ak_}; id=${id%%.*}
	printf "%s\n" "$2" | grep -qx "attribute.key_id = $id"' - "$token" "$attrs"
check "... and one item for the profile" test "$(keyring_items)" -eq 1

# 50 logins and 50 gets on one profile, all at once.
run_in "ak_c0.${CANARY}s0" "$AC" login --profile race
i=1
while [ $i -le 50 ]; do
	printf 'ak_c%d.%ss%d' $i "$CANARY" $i |
		"$AC" login --profile race >/dev/null 2>"$T/login.$i" &
	"$AC" get --profile race >"$T/get.$i" 2>"$T/geterr.$i" &
	i=$((i + 1))
done
wait
bad=0
i=1
while [ $i -le 50 ]; do
	line=$(cat "$T/get.$i")
	case $line in
	"ANYREACH_TOKEN='ak_c"*) ;;
	*) bad=$((bad + 1)) ;;
	esac
	# One complete token: its two numbers are the same login's.
	n1=$(printf %s "$line" | sed -n "s/^ANYREACH_TOKEN='ak_c\([0-9]*\)\..*/\1/p")
	n2=$(printf %s "$line" | sed -n "s/^ANYREACH_TOKEN='ak_c[0-9]*\.${CANARY}s\([0-9]*\)'.*/\1/p")
	if [ -z "$n1" ] || [ "$n1" != "$n2" ]; then
		bad=$((bad + 1))
		cat "$T/geterr.$i" >&2 # why, for the failure's report
	fi
	i=$((i + 1))
done
check "50 gets racing 50 logins each return one complete token" \
	test "$bad" -eq 0
check "... and exactly one item remains for the profile" sh -c \
	'[ "$(secret-tool search --all xdg:schema '$SCHEMA' profile race 2>&1 |
		grep -c "^\[/")" -eq 1 ]'
check "... nothing crashed (no sanitizer or signal report)" sh -c \
	'! grep -l "ERROR\|Sanitizer\|runtime error" "$1"/login.* "$1"/geterr.* \
		>/dev/null 2>&1' - "$T"

# stdout closed before the token is written.
sh -c '"$1" get; echo $? >"$2/rc"' - "$AC" "$T" 2>"$T/err" | head -c 0
check "stdout closed early: a failure (exit 10), not a silent success" \
	test "$(cat "$T/rc")" -eq 10
check "... that says so" grep -q "cannot write to standard output" "$T/err"

# Signals mid-operation.
pid=$(keyring_daemon_pid)
kill -STOP "$pid"
"$AC" get >"$T/out" 2>"$T/err" &
getter=$!
sleep 0.3
kill -TERM $getter
wait $getter
rc=$?
kill -CONT "$pid"
check "SIGTERM while get waits on the keyring ends it with no output" \
	sh -c '[ "$1" -eq 143 ] && [ ! -s "$2" ]' - "$rc" "$T/out"
before=$(keyring_snapshot)
mkfifo "$T/in"
# A background job of a script starts with SIGINT ignored; give it back.
env --default-signal=INT "$AC" login <"$T/in" >/dev/null 2>&1 &
login=$!
exec 3>"$T/in"
printf 'ak_half' >&3
sleep 0.3
kill -INT $login
wait $login
rc=$?
exec 3>&-
check "SIGINT while login reads its token stores nothing" sh -c \
	'[ "$1" -eq 130 ] && [ "$2" = "$3" ]' - "$rc" "$(keyring_snapshot)" \
	"$before"

# A crash leaves no core file, where a plain process leaves one.
mkdir "$T/cores"
(cd "$T/cores" && ulimit -c unlimited && exec sleep 30) &
plain=$!
sleep 0.2
kill -SEGV $plain
wait $plain
check "a plain crashing process leaves a core file here (the control)" \
	sh -c 'ls "$1"/core* >/dev/null 2>&1' - "$T/cores"
rm -f "$T"/cores/core*
mkfifo "$T/in2"
(cd "$T/cores" && ulimit -c unlimited && exec "$AC" login <"$T/in2") \
	>/dev/null 2>&1 &
victim=$!
exec 4>"$T/in2"
sleep 0.3
kill -SEGV $victim
wait $victim
exec 4>&-
check "a crashing anyreach-cred leaves none" sh -c \
	'! ls "$1"/core* >/dev/null 2>&1' - "$T/cores"

# Another process of the same (unprivileged) user cannot attach or read
# the environment; it can attach to its own sleep (the control).
probe=$(mktemp -d)
chmod 755 "$probe"
cp "$(dirname "$0")/ptrace_probe.py" "$probe/"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
	/usr/bin/python3 "$probe/ptrace_probe.py" "$AC" 2>&1)
rm -rf "$probe"
check "the same user can ptrace a plain process (the control)" sh -c \
	'printf "%s\n" "$1" | grep -qx "sleep: attached"' - "$out"
check "... but not a running anyreach-cred" sh -c \
	'printf "%s\n" "$1" | grep -qx "anyreach-cred: refused"' - "$out"
check "... nor read its environment" sh -c \
	'printf "%s\n" "$1" | grep -qx "anyreach-cred environ: refused"' - "$out"

done_testing
