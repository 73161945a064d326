#!/bin/sh
# Every refusal: a clear one-line error and exit code, no echo of the
# value, and the keyring exactly as it was.
. "$(dirname "$0")/lib.sh"
keyring_clear
run_in "$AK" "$AC" login
run_in "$PAT" "$AC" login --profile work --org org_1
before=$(keyring_snapshot)

# refuse NAME CODE INPUT ARGS...: login with INPUT on stdin must fail.
refuse() {
	name=$1 code=$2 input=$3
	shift 3
	run_in "$input" "$AC" login "$@"
	if [ "$rc" -ne "$code" ]; then
		not_ok "$name" "expected exit $code"
	elif ! one_line_error; then
		not_ok "$name" "expected one line on stderr"
	elif [ -n "$out" ]; then
		not_ok "$name" "expected nothing on stdout"
	elif [ "$(keyring_snapshot)" != "$before" ]; then
		not_ok "$name" "the keyring changed"
	else
		ok "$name"
	fi
}

refuse "wrong prefix" 3 "xk_${CANARY}.a"
refuse "upper-case prefix" 3 "AK_${CANARY}.a"
refuse "ak_ without a dot" 3 "ak_${CANARY}"
refuse "ak_ with an empty id" 3 "ak_.${CANARY}"
refuse "ak_ with an empty secret" 3 "ak_${CANARY}."
refuse "pat_ with nothing after it" 3 "pat_"
refuse "a space in the token" 3 "pat_${CANARY} x"
refuse "a quote in the token" 3 "pat_${CANARY}'x"
refuse "a CR in the token" 3 "pat_${CANARY}$(printf '\r')x"
refuse "CRLF at the end (only one LF is stripped)" 3 "pat_${CANARY}$(printf '\r')
"
refuse "an LF inside the token" 3 "pat_${CANARY}
x"
refuse "two trailing newlines" 3 "pat_${CANARY}

"
refuse "a leading byte-order mark" 3 "$(printf '\357\273\277')pat_${CANARY}"
refuse "an empty stdin" 3 ""
refuse "an org with a space" 3 "$PAT" --org "org 1"
refuse "an org with a CR" 3 "$PAT" --org "org$(printf '\r')1"
refuse "an org with an LF" 3 "$PAT" --org "org
1"
refuse "an org with a quote" 3 "$PAT" --org "org'1"
refuse "an org of 129 characters" 3 "$PAT" --org \
	"$(printf 'o%.0s' $(seq 129))"
refuse "--org with an ak_" 2 "$AK2" --org org_1
refuse "an invalid profile name" 3 "$PAT" --profile "../x"
refuse "a plain-http API URL" 3 "$PAT" --api http://api.anyreach.ai
refuse "an API URL with user info" 3 "$PAT" --api https://u@api.anyreach.ai
refuse "an expiry that is not digits" 3 "$PAT" --expires-at 1.7e12
refuse "an expiry in the past" 3 "$PAT" --expires-at 1000
refuse "a secret given as an argument" 2 "" "ak_${PASTED}.x"
refuse "a secret given as an option" 2 "" "--token=ak_${PASTED}.x"

# A NUL cannot be passed through printf %s: write the bytes to a file.
printf 'pat_%s\000x' "$CANARY" >"$T/nul"
"$AC" login <"$T/nul" >"$T/out" 2>"$T/err"
rc=$?
after=$(keyring_snapshot)
check "a NUL in the token is refused with the keyring unchanged" sh -c '
	[ $1 -eq 3 ] && [ "$2" = "$3" ] && ! grep -q "$4" "$5/err"' \
	- "$rc" "$before" "$after" "$CANARY" "$T"

# 1 MiB of token characters: refused without reading it all into memory.
head -c 1048576 /dev/zero | tr '\0' a | sed 's/^/pat_/' >"$T/big"
"$AC" login <"$T/big" >"$T/out" 2>"$T/err"
rc=$?
after=$(keyring_snapshot)
check "a 1 MiB token is refused with the keyring unchanged" sh -c '
	[ $1 -eq 3 ] && [ "$2" = "$3" ] &&
	grep -q "longer than 4096" "$4/err"' - "$rc" "$before" "$after" "$T"

# The largest token accepted is 4096 bytes, newline not counted.
max="pat_$(head -c 4092 /dev/zero | tr '\0' b)"
run_in "$max
" "$AC" login --profile max --org o
expect "a token of exactly 4096 bytes is accepted" 0
check "... and comes back whole" sh -c '
	"$1" get --profile max | grep -q "^ANYREACH_TOKEN='"'"'$2'"'"'"' - "$AC" "$max"
run_in "${max}b" "$AC" login --profile max --org o
expect "a token of 4097 bytes is refused" 3

done_testing
