#!/bin/sh
# Profiles are kept apart, replaced whole, listed without secrets and
# removed one at a time.
. "$(dirname "$0")/lib.sh"
keyring_clear

token_of() {
	ANYREACH_ORG_ID=org_x "$AC" get "$@" 2>/dev/null |
		sed -n "s/^ANYREACH_TOKEN='\([^']*\)'.*/\1/p"
}

run_in "$AK" "$AC" login
run_in "$PAT" "$AC" login --profile work --org org_1 --expires-at 4102444800000
check "two profiles are two items" test "$(keyring_items)" -eq 2
check "each profile gets its own token" \
	test "$(token_of)|$(token_of --profile work)" = "$AK|$PAT"
check "ANYREACH_PROFILE selects a profile" \
	test "$(ANYREACH_PROFILE=work token_of)" = "$PAT"
check "--profile beats ANYREACH_PROFILE" \
	test "$(ANYREACH_PROFILE=work token_of --profile default)" = "$AK"

run "$AC" list
expect "list succeeds" 0
check "list shows each profile's kind, key id, org, expiry and API" sh -c '
	printf "%s\n" "$1" | grep -Eq "^default +ak +key1 +- +never +https://api.anyreach.ai$" &&
	printf "%s\n" "$1" | grep -Eq "^work +pat +- +org_1 +2100-01-01T00:00:00Z \(in [0-9]+ days\) +https://api.anyreach.ai$"' - "$out"
check "list never shows a secret" sh -c '! grep -q "$1" "$2/out"' - "$CANARY" "$T"
run "$AC" list --json
check "list --json is JSON with the same facts" /usr/bin/python3 -c '
import json, sys
rows = json.loads(sys.argv[1])
assert [r["profile"] for r in rows] == ["default", "work"], rows
assert rows[0]["kind"] == "ak" and rows[0]["key_id"] == "key1", rows
assert rows[0]["org"] is None and rows[0]["expires_at"] is None, rows
assert rows[1]["org"] == "org_1" and rows[1]["expires_at"] == 4102444800000, rows
assert sys.argv[2] not in sys.argv[1]
' "$out" "$CANARY"

run "$AC" status --profile work
expect "status of a stored profile exits 0" 0
check "status names the profile, its source, kind, org and expiry" sh -c '
	printf "%s\n" "$1" | grep -q "^profile: *work (from --profile)" &&
	printf "%s\n" "$1" | grep -q "personal access token" &&
	printf "%s\n" "$1" | grep -q "org_1 (stored default)" &&
	printf "%s\n" "$1" | grep -q "2100-01-01"' - "$out"
run env ANYREACH_PROFILE=nothing "$AC" status
expect "status of a missing profile exits 1" 1
check "... and says so" sh -c 'printf "%s" "$1" | grep -q "nothing (from ANYREACH_PROFILE)"' - "$out"

# Replacing: a new token, then new attributes (another org), each time
# exactly one item remains and get returns the new token.
run_in "$AK2" "$AC" login
check "replacing a profile keeps one item for it" test "$(keyring_items)" -eq 2
check "get returns the replacement" test "$(token_of)" = "$AK2"
run_in "$PAT" "$AC" login --profile work --org org_2
check "replacing with other attributes also keeps one item" \
	test "$(keyring_items)" -eq 2
check "... and the new org is the default" sh -c '
	env -u ANYREACH_ORG_ID "$1" get --profile work | grep -q "org_2"' - "$AC"

run "$AC" logout --profile work
expect "logout of a stored profile succeeds" 0
check "logout removes only that profile" sh -c '
	[ "$(secret-tool lookup xdg:schema '$SCHEMA' profile work)" = "" ] &&
	[ "$(secret-tool lookup xdg:schema '$SCHEMA' profile default)" = "$1" ]' - "$AK2"
run "$AC" logout --profile work
expect "logout of a missing profile exits 1" 1
run "$AC" logout
run "$AC" list
check "list of an empty keyring prints nothing on stdout" test -z "$out"
run "$AC" list --json
check "list --json of an empty keyring is []" test "$out" = "[]"

done_testing
