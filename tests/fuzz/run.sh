#!/bin/sh
# Run each libFuzzer target for SECONDS on its seed corpus (in the repo)
# and a working corpus (under build/), and say how long each ran, how many
# inputs it tried and whether it found anything.  Exit 1 on any finding;
# the input that did it is left in build/fuzz/ (crash-*, leak-*).
#
#   tests/fuzz/run.sh SECONDS TARGET...
set -u
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$(dirname "$here")")
failed=0
for t in "$@"; do
	work="$top/build/fuzz/corpus/$t"
	mkdir -p "$work"
	log="$top/build/fuzz/$t.log"
	(cd "$top/build/fuzz" && "./$t" -max_total_time="$seconds" \
		-dict="$here/fuzz.dict" -print_final_stats=1 \
		"$work" "$here/corpus/$t") >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc -eq 0 ]; then
		echo "fuzz $t: ${runs:-?} inputs in ${seconds}s, nothing found"
	else
		echo "fuzz $t: FAILED after ${runs:-?} inputs; see $log"
		grep -m5 -E "ERROR|property failed|SUMMARY" "$log"
		failed=1
	fi
done
exit $failed
