#!/bin/sh
# Help, version and exit codes as documented; output failures reported;
# the process holding a secret is not dumpable and never shows it in argv.
. "$(dirname "$0")/lib.sh"
keyring_clear
run_in "$AK" "$AC" login

run "$AC" --version
check "--version prints the name and version" sh -c \
	'printf "%s" "$1" | grep -Eq "^anyreach-cred [0-9]+\.[0-9]+\.[0-9]+$"' - "$out"
run "$AC" --help
expect "--help exits 0" 0
check "--help lists every command and the exit codes" sh -c '
	for w in login get list logout status "4 keyring unavailable" \
		"5 keyring locked" "3 invalid input"; do
		printf "%s" "$1" | grep -q "$w" || exit 1
	done' - "$out"
for cmd in login get list logout status; do
	run "$AC" help $cmd
	check "help $cmd shows its usage" sh -c \
		'printf "%s" "$1" | grep -q "^usage: anyreach-cred $2"' - "$out" $cmd
	run "$AC" $cmd --help
	check "$cmd --help shows the same usage" sh -c \
		'printf "%s" "$1" | grep -q "^usage: anyreach-cred $2"' - "$out" $cmd
done
run "$AC"
expect "no command is a usage error" 2
run "$AC" frobnicate
expect "an unknown command is a usage error" 2
check "... that does not echo the argument" sh -c \
	'! printf "%s" "$1" | grep -q frobnicate' - "$err"

"$AC" get >/dev/full 2>"$T/err"
rc=$?
check "a full stdout is a failure (exit 10), not a silent success" \
	test "$rc" -eq 10
check "... that says so" grep -q "cannot write to standard output" "$T/err"
"$AC" list >/dev/full 2>"$T/err"
check "list to a full stdout fails too" test $? -eq 10

# While login waits for its token, look at the process from outside.
mkfifo "$T/fifo"
"$AC" login --profile probe <"$T/fifo" >/dev/null 2>&1 &
pid=$!
exec 3>"$T/fifo"
sleep 0.3
check "a running anyreach-cred may not write a core file" \
	grep -Eq "^Max core file size +0 +0 " /proc/$pid/limits
check "its command line holds no secret" sh -c \
	'! tr "\0" " " </proc/$1/cmdline | grep -q "$2"' - "$pid" "$CANARY"
printf '%s' "$PAT" >&3
exec 3>&-
wait $pid
check "the token written to its stdin was stored" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile probe)" = "$PAT"

run_in "$AK" env -u XDG_RUNTIME_DIR -u XDG_CACHE_HOME HOME="$T/newhome" \
	"$AC" login --profile nocache
check "login works with no XDG_RUNTIME_DIR and no ~/.cache yet" \
	test "$rc" -eq 0 -a -d "$T/newhome/.cache/anyreach-cred"
check "... and the lock directory is private" \
	test "$(stat -c %a "$T/newhome/.cache/anyreach-cred")" = 700
run "$AC" get --org "org${PASTED}" -Zx
check "an unknown short option does not echo the argument before it" \
	sh -c '[ "$1" -eq 2 ] && ! printf "%s" "$2" | grep -q "org"' - "$rc" "$err"
run "$AC" exec -- "pat_${PASTED}"
check "exec of a missing command does not echo its name" sh -c \
	'[ "$1" -eq 127 ] && printf "%s" "$2" | grep -q "cannot run the command"' \
	- "$rc" "$err"
run env ANYREACH_PROFILE=nothing "$AC" status
check "status of a missing profile also says so on stderr" sh -c \
	'[ "$1" -eq 1 ] && printf "%s" "$2" | grep -q "no credential stored"' \
	- "$rc" "$err"

# At a terminal, login prompts and reads the token without echoing it.
mkfifo "$T/keys"
script -qec "$AC login --profile tty --org org_1" /dev/null \
	<"$T/keys" >"$T/screen" 2>&1 &
pid=$!
exec 4>"$T/keys"
wait_until grep -q "input hidden" "$T/screen"
printf '%s\n' "$PAT" >&4
exec 4>&-
wait $pid
check "login at a terminal prompts and stores what was typed" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile tty)" = "$PAT"
check "... without echoing it" sh -c '! grep -q "$1" "$2"' - "$CANARY" "$T/screen"

got=$(python3 "$(dirname "$0")/tstp_probe.py" "$AC")
check "Ctrl-Z at the prompt gives the terminal back; fg hides input again" \
	test "$got" = "prompt off, stopped on, continued off"

"$AC" login --profile closed <&- >"$T/out" 2>"$T/err"
rc=$?
check "login with stdin closed reads nothing (fd 0 is not reused)" sh -c \
	'[ $1 -eq 3 ] && grep -q "no token given" "$2/err"' - "$rc" "$T"

done_testing
