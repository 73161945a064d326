#!/bin/sh
# Run every test: the C unit tests (cmocka, as TAP) and the integration
# tests, which drive the installed binary $AC inside one throwaway keyring
# session.  Ends with a summary line "N passed, N failed".
#
#   AC=/path/to/installed/anyreach-cred tests/run-all.sh UNIT_BINARY...
set -u
: "${AC:?AC must name the installed anyreach-cred}"
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp "${TMPDIR:-/tmp}/anyreach-check.XXXXXX")
trap 'rm -f "$log"' EXIT
broken=0

# run_tap NAME CMD...: run one TAP producer, show its output, and check
# that it ran to its plan (a crash half-way is a failure, not a pass).
run_tap() {
	name=$1
	shift
	echo "# $name"
	"$@" >"$log.one" 2>"$log.err"
	status=$?
	cat "$log.one"
	plan=$(sed -n 's/^1\.\.\([0-9]*\).*/\1/p' "$log.one" | head -1)
	results=$(grep -Ec '^(not )?ok ' "$log.one")
	if [ -z "$plan" ] || [ "$plan" -ne "$results" ]; then
		echo "not ok - $name stopped early (exit $status)"
		sed 's/^/#   /' "$log.err"
		broken=$((broken + 1))
	elif grep -q '^not ok ' "$log.one"; then
		sed 's/^/#   /' "$log.err"
	fi
	grep -E '^(not )?ok ' "$log.one" >>"$log"
	rm -f "$log.one" "$log.err"
}

for bin in "$@"; do
	run_tap "unit: $(basename "$bin")" env CMOCKA_MESSAGE_OUTPUT=TAP "$bin"
done

export AC
for t in "$here"/integration/t*.sh; do
	run_tap "integration: $(basename "$t")" \
		"$here/keyring-session.sh" sh "$t"
done

passed=$(grep -c '^ok ' "$log")
failed=$(($(grep -c '^not ok ' "$log") + broken))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
