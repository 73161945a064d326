#!/bin/sh
# Real curl, fed the curl and headers formats, against a local server that
# records what it receives: exactly one Authorization, and X-Anyreach-Org
# only for a pat_.
. "$(dirname "$0")/lib.sh"
keyring_clear
start_server headers "$T/requests"
url="http://127.0.0.1:$port/admin/members/me/scopes"

# received NAME: the values of header NAME in the last request, one a line.
received() {
	tail -n 1 "$T/requests" | python3 -c '
import json, sys
for k, v in json.load(sys.stdin):
    if k.lower() == sys.argv[1].lower():
        print(v)' "$1"
}

run_in "$AK" "$AC" login
"$AC" get --format curl | curl -q -sS -K - "$url" >/dev/null
check "curl -K - sends exactly one Authorization with the ak_" \
	test "$(received Authorization)" = "Bearer $AK"
check "... and no X-Anyreach-Org" test -z "$(received X-Anyreach-Org)"
"$AC" get --format headers >"$T/h"
curl -q -sS -H @"$T/h" "$url" >/dev/null
check "curl -H @file sends exactly one Authorization with the ak_" \
	test "$(received Authorization)" = "Bearer $AK"
check "... and no X-Anyreach-Org" test -z "$(received X-Anyreach-Org)"

run_in "$PAT" "$AC" login --profile work --org org_42
"$AC" get --profile work --format curl | curl -q -sS -K - "$url" >/dev/null
check "curl -K - sends the pat_ and exactly one X-Anyreach-Org" sh -c '
	[ "$1" = "Bearer $3" ] && [ "$2" = org_42 ]' - \
	"$(received Authorization)" "$(received X-Anyreach-Org)" "$PAT"
"$AC" get --profile work --org org_7 --format headers >"$T/h"
curl -q -sS -H @"$T/h" "$url" >/dev/null
check "curl -H @file sends the pat_ and the --org" sh -c '
	[ "$1" = "Bearer $3" ] && [ "$2" = org_7 ]' - \
	"$(received Authorization)" "$(received X-Anyreach-Org)" "$PAT"

# The json format is what MCP clients and scripts read.
run "$AC" get --profile work --format json
check "the json format is one object with both headers" python3 -c '
import json, sys
h = json.loads(sys.argv[1])
assert h == {"Authorization": "Bearer " + sys.argv[2],
             "X-Anyreach-Org": "org_42"}, h' "$out" "$PAT"

# The header helper (Bazel and others) for a loopback API.
run_in "$AK" "$AC" login --profile local --api "http://127.0.0.1:$port"
run_in "{\"uri\":\"http://127.0.0.1:$port/core/agents?limit=1\"}" env \
	ANYREACH_PROFILE=local "$(dirname "$AC")/anyreach-credential-helper" get
check "the header helper answers for its origin with the headers" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert r == {"headers": {"Authorization": ["Bearer " + sys.argv[2]]}}, r
' "$out" "$AK"
run_in "{\"uri\":\"http://127.0.0.1:1/\"}" env ANYREACH_PROFILE=local \
	"$(dirname "$AC")/anyreach-credential-helper" get
check "the header helper fails for another port, with nothing on stdout" \
	test "$rc" -ne 0 -a -z "$out"
for uri in https://api.anyreach.ai.evil.example/ \
	https://api.anyreach.ai@evil.example/ http://api.anyreach.ai/ \
	grpcs://api.anyreach.ai https://evil.example/#api.anyreach.ai; do
	run_in "{\"uri\":\"$uri\"}" "$(dirname "$AC")/anyreach-credential-helper" get
	check "the header helper fails for $uri" test "$rc" -ne 0 -a -z "$out"
done
run_in "$PAT" "$AC" login --org org_1 --expires-at 4102444800000
run_in '{"uri":"https://api.anyreach.ai/x","extra":true}' \
	"$(dirname "$AC")/anyreach-credential-helper" get
check "the header helper sends the org and a whole-second expiry" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert r["headers"] == {"Authorization": ["Bearer " + sys.argv[2]],
                        "X-Anyreach-Org": ["org_1"]}, r
assert r["expires"] == "2100-01-01T00:00:00Z", r' "$out" "$PAT"
run "$(dirname "$AC")/anyreach-credential-helper"
check "the header helper with no command prints usage and fails" \
	test "$rc" -eq 2 -a -z "$out"

done_testing
