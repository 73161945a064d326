#!/bin/sh
# The docker personality against Debian's docker-credential-secretservice:
# the same inputs must give the same answers where the protocol fixes them.
# Where anyreach-cred is stricter by design (only Anyreach hosts, only
# valid tokens), that is checked on its own.
. "$(dirname "$0")/lib.sh"
keyring_clear
DA="$(dirname "$AC")/docker-credential-anyreach"
REF=docker-credential-secretservice
URL=https://api.anyreach.ai

# both ACTION INPUT: run each helper; set ours_out/ours_rc, ref_out/ref_rc.
both() {
	printf '%s' "$2" | "$DA" "$1" >"$T/o1" 2>"$T/e1"
	ours_rc=$?
	printf '%s' "$2" | $REF "$1" >"$T/o2" 2>/dev/null
	ref_rc=$?
	ours_out=$(cat "$T/o1")
	ref_out=$(cat "$T/o2")
	if grep -q "$CANARY" "$T/e1"; then not_ok "no secret on stderr ($1)"; fi
}

# same NAME: both helpers gave the same stdout and exit status.
same() {
	if [ "$ours_out" = "$ref_out" ] && [ "$ours_rc" -eq "$ref_rc" ]; then
		ok "$1"
	else
		not_ok "$1" "ours: $ours_rc $ours_out" "ref:  $ref_rc $ref_out"
	fi
}

# same_json NAME: both printed the same JSON value.
same_json() {
	if python3 -c 'import json,sys; assert json.loads(sys.argv[1]) == json.loads(sys.argv[2])' \
		"$ours_out" "$ref_out" 2>/dev/null && [ "$ours_rc" -eq "$ref_rc" ]; then
		ok "$1"
	else
		not_ok "$1" "ours: $ours_rc $ours_out" "ref:  $ref_rc $ref_out"
	fi
}

both get "$URL"
same "get of a URL with nothing stored: the not-found text, exit 1"
check "... which is exactly what docker compares" \
	test "$ours_out" = "credentials not found in native keychain"
both get ""
same "get of an empty URL: the no-URL text, exit 1"
both get "  $URL  "
same "get trims the URL before looking it up"
both store '{"Username":"org_1","Secret":"pat_x"}'
same "store without ServerURL: the no-URL text"
both store "{\"ServerURL\":\"$URL\",\"Secret\":\"pat_x\"}"
same "store without Username: the no-username text"
both store "{\"ServerURL\":\"$URL\",\"Username\":\"org_1\",\"Secret\":\"$PAT\"}"
same "store of a pat_ for the API host succeeds silently"
both get "$URL"
same_json "get returns the same ServerURL, Username (the org) and Secret"
both get " $URL
"
same_json "get with white space and a newline around the URL"
both list unused
check "list names the API host with the org as username" python3 -c '
import json, sys
ours = json.loads(sys.argv[1]); ref = json.loads(sys.argv[2])
assert ours == {sys.argv[3]: "org_1"}, ours
assert ref.get(sys.argv[3]) == "org_1", ref' "$ours_out" "$ref_out" "$URL"
both erase "$URL"
same "erase succeeds silently"
both get "$URL"
same "after erase, get finds nothing"
both erase "$URL"
same "erase of nothing succeeds silently"
both erase ""
same "erase of an empty URL: the no-URL text, exit 1"
both bogus ""
check "an unknown action fails with exit 1 and a message on stdout" \
	test "$ours_rc" -eq 1 -a "$ref_rc" -eq 1 -a -n "$ours_out"
"$DA" >"$T/o1" 2>/dev/null
check "no action prints usage on stdout and exits 1" sh -c \
	'[ $1 -eq 1 ] && grep -q "^Usage: docker-credential-anyreach" "$2"' - $? "$T/o1"
both store '{"ServerURL": "x", '
check "malformed JSON fails with exit 1 and a message on stdout, as docker's" \
	test "$ours_rc" -eq 1 -a "$ref_rc" -eq 1 -a -n "$ours_out"

# Stricter than the reference, on purpose.
both store '{"ServerURL":"https://registry.example","Username":"u","Secret":"s3cret"}'
check "a foreign registry is not stored (the reference stores anything)" \
	test "$ours_rc" -eq 1 -a "$(keyring_items)" -eq 0
both store "{\"ServerURL\":\"$URL\",\"Username\":\"u\",\"Secret\":\"not a token\"}"
check "an invalid token is not stored, and docker is told on stdout" \
	test "$ours_rc" -eq 1 -a -n "$ours_out" -a "$(keyring_items)" -eq 0
both store "{\"ServerURL\":\"$URL\",\"Username\":\"u\"}"
check "a store without Secret is refused on stdout, no crash" \
	test "$ours_rc" -eq 1 -a "$ours_out" = "no credentials secret"
both store "{\"ServerURL\":\"$URL\",\"Username\":\"org 1\",\"Secret\":\"$PAT\"}"
check "a pat_ whose Username is not an org id is not stored" \
	test "$ours_rc" -ne 0 -a "$(keyring_items)" -eq 0
both store "{\"ServerURL\":\"$URL\",\"serverurl\":\"https://evil.example\",\"Username\":\"o\",\"Secret\":\"$PAT\"}"
check "case-variant duplicate keys are refused" \
	test "$ours_rc" -eq 1 -a "$(keyring_items)" -eq 0
run_in "$AK" "$AC" login
for url in https://api.anyreach.ai.evil.example http://api.anyreach.ai \
	https://api.anyreach.ai:444 api.anyreach.ai@evil.example; do
	both get "$url"
	check "get for $url: not found" \
		test "$ours_rc" -eq 1 -a "$ours_out" = "credentials not found in native keychain"
done
both get "api.anyreach.ai"
check "a URL without a scheme is https" sh -c \
	'printf "%s" "$1" | grep -q "\"Secret\":\"$2\""' - "$ours_out" "$AK"
check "an ak_ travels with the profile as Username" sh -c \
	'printf "%s" "$1" | grep -q "\"Username\":\"default\""' - "$ours_out"
"$DA" version >"$T/o1"
check "version names the helper" grep -q "^docker-credential-anyreach" "$T/o1"
secret-tool clear xdg:schema io.docker.Credentials 2>/dev/null

done_testing
