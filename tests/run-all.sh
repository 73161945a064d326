#!/bin/sh
# Run every test: the C unit tests (cmocka, as TAP) and the integration
# tests, which drive the installed binary $AC inside throwaway keyring
# sessions.  Ends with a summary line "N passed, N failed".
#
#   AC=/path/to/installed/anyreach-cred tests/run-all.sh UNIT_BINARY...
#
# With VALGRIND_LOGS set (make check-valgrind), the unit tests run under
# valgrind, $AC is a valgrind tree (valgrind-tree.sh), only the files in
# $INTEGRATION run (the timing tests would measure valgrind), and every
# report left in VALGRIND_LOGS is a failure.
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

vg=""
if [ -n "${VALGRIND_LOGS-}" ]; then
	vg="valgrind -q --leak-check=full --errors-for-leak-kinds=definite
		--show-leak-kinds=definite --log-file=$VALGRIND_LOGS/vg.%p"
	export VALGRIND_LOGS
fi
for bin in "$@"; do
	# shellcheck disable=SC2086 # vg is a command line
	run_tap "unit: $(basename "$bin")" env CMOCKA_MESSAGE_OUTPUT=TAP $vg "$bin"
done

# Sample the command lines of our processes while the integration tests
# run: the canary secret of lib.sh must never be in one.
watch=""
if [ -z "${VALGRIND_LOGS-}" ]; then
	watch="$log.watch"
	bin=$(dirname "$(readlink -f "$AC")")
	python3 "$here/canary-watch.py" canaryQ7xZ "$watch.stop" "$watch" \
		"$bin" "$bin/../libexec/anyreach-cred" &
	watcher=$!
fi

export AC
for t in "$here"/integration/t*.sh; do
	case " ${INTEGRATION:-$(basename "$t")} " in
	*" $(basename "$t") "*) ;;
	*) continue ;;
	esac
	run_tap "integration: $(basename "$t")" \
		"$here/keyring-session.sh" sh "$t"
done

if [ -n "$watch" ]; then
	touch "$watch.stop"
	wait "$watcher"
	samples=$(sed -n 's/^samples //p' "$watch")
	if [ "$(wc -l <"$watch")" -eq 1 ] && [ "${samples:-0}" -gt 0 ]; then
		echo "ok - no secret in the command line of any of our processes ($samples looked at)" |
			tee -a "$log"
	else
		echo "not ok - a secret in a command line, or nothing sampled:"
		sed 's/^/#   /' "$watch"
		broken=$((broken + 1))
	fi
	rm -f "$watch" "$watch.stop"
fi

if [ -n "${VALGRIND_LOGS-}" ]; then
	for f in "$VALGRIND_LOGS"/vg.*; do
		[ -s "$f" ] || continue
		echo "not ok - valgrind found errors ($f):"
		sed 's/^/#   /' "$f" | head -40
		broken=$((broken + 1))
	done
fi

passed=$(grep -c '^ok ' "$log")
failed=$(($(grep -c '^not ok ' "$log") + broken))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
