#!/bin/sh
# The API commands against the stand-in for the Anyreach API
# (tests/fake-api/server.py): verify, keys create/list/delete, rotate and
# logout --revoke, end to end with the keyring.
. "$(dirname "$0")/lib.sh"
keyring_clear
MGR="ak_a1b2c3d4e5f6.${CANARY}manager"
PMGR="pat_${CANARY}personal"
cat >"$T/seed.json" <<EOS
{"keys": [{"token": "$MGR", "name": "admin", "org": "org_1",
           "scopes": ["organizations:manage", "agents:read"]}],
 "pats": [{"token": "$PMGR",
           "orgs": {"org_1": ["organizations:manage", "agents:read"]}}]}
EOS
start_fake_api "$T/seed.json"
stored() { secret-tool lookup xdg:schema $SCHEMA profile "$1"; }

check "anyreach-cred itself does not link libcurl" sh -c \
	'! ldd "$1" | grep -q libcurl' - "$AC"
check "the API executable is installed where anyreach-cred finds it" \
	test -x "$(dirname "$AC")/../libexec/anyreach-cred/anyreach-cred-api"

run_in "$MGR" "$AC" login --profile admin --api "$api"
run "$AC" verify --profile admin
check "verify prints the scopes, one a line" \
	test "$rc" -eq 0 -a "$out" = "organizations:manage
agents:read"
check "... with exactly the Bearer header and no org for an ak_" sh -c '
	[ "$1" = "Bearer $3" ] && [ -z "$2" ]' - "$(last_header Authorization)" \
	"$(last_header X-Anyreach-Org)" "$MGR"
check "... and its own User-Agent" sh -c \
	'printf "%s" "$1" | grep -Eq "^anyreach-cred/[0-9]+\.[0-9]+\.[0-9]+$"' \
	- "$(last_header User-Agent)"
run_in "$PMGR" "$AC" login --profile me --api "$api" --org org_1
run "$AC" verify --profile me
check "verify with a pat_ sends its org" sh -c '
	[ "$1" -eq 0 ] && [ "$2" = org_1 ]' - "$rc" "$(last_header X-Anyreach-Org)"
run "$AC" verify --profile me --org org_2
expect "a pat_ for an org it is not in: forbidden" 8

run "$AC" keys create --profile admin --name ci-deploy --expires 30d
check "keys create stores the new key under its name" sh -c \
	'[ "$1" -eq 0 ] && printf "%s" "$2" | grep -q "^ak_"' - "$rc" \
	"$(stored ci-deploy)"
new=$(stored ci-deploy)
check "... and never prints it" sh -c '
	! grep -qF "${3#ak_}" "$1/out" && ! grep -qF "${3#ak_}" "$1/err"' \
	- "$T" x "$new"
check "... with its expiry in about 30 days" sh -c \
	'"$1" list | grep -E "^ci-deploy " | grep -Eq "\(in (29|30) days\)"' - "$AC"
check "... and the new key works" sh -c \
	'"$1" verify --profile ci-deploy >/dev/null 2>&1' - "$AC"
posts=$(api_count POST /admin/organization-pats)
run "$AC" keys create --profile admin --name ci-deploy
expect "keys create into a profile that exists is refused" 2
check "... before anything is created on the server" \
	test "$(api_count POST /admin/organization-pats)" -eq "$posts"
run "$AC" keys create --profile admin --name "two words" --store-as ci2
check "--store-as names the profile when the name cannot" \
	test "$rc" -eq 0 -a -n "$(stored ci2)"

run "$AC" keys list --profile admin
check "keys list shows id, name and expiry of each key" sh -c '
	printf "%s\n" "$1" | grep -Eq "^a1b2c3d4 +admin +never" &&
	printf "%s\n" "$1" | grep -Eq "ci-deploy +[0-9-]+T.*\(in (29|30) days\)"' \
	- "$out"
run "$AC" keys list --profile admin --json
check "keys list --json is JSON" python3 -c '
import json, sys
rows = json.loads(sys.argv[1])
names = sorted(r["name"] for r in rows)
assert names == ["admin", "ci-deploy", "two words"], rows
assert all(set(r) == {"key_id", "name", "expires_at", "created_at"} for r in rows)
' "$out"

ci_id=$(stored ci-deploy | sed 's/^ak_\(........\).*/\1/')
run "$AC" keys delete --profile admin "$ci_id"
expect "keys delete deletes a key on the server" 0
run "$AC" verify --profile ci-deploy
expect "... after which the API rejects it (exit 7)" 7
check "... and the keyring still holds it: nothing is erased on a 401" \
	test -n "$(stored ci-deploy)"

old=$(stored ci2)
run "$AC" rotate --profile ci2
check "rotate puts a new key in the profile" sh -c \
	'[ "$1" -eq 0 ] && [ -n "$2" ] && [ "$2" != "$3" ]' - "$rc" \
	"$(stored ci2)" "$old"
check "... which works" sh -c '"$1" verify --profile ci2 >/dev/null 2>&1' - "$AC"
run "$AC" keys list --profile admin --json
check "... keeps the name, and the old key is gone from the server" \
	python3 -c '
import json, sys
rows = json.loads(sys.argv[1])
ids = [r["key_id"] for r in rows if r["name"] == "two words"]
assert len(ids) == 1 and sys.argv[2][3:11] not in ids, rows' "$out" "$old"
run "$AC" rotate --profile me
expect "rotate of a pat_ is refused (PATs are made in the dashboard)" 2

run "$AC" logout --profile ci2 --revoke
check "logout --revoke deletes the key on the server and in the keyring" \
	sh -c '[ "$1" -eq 0 ] && [ -z "$2" ]' - "$rc" "$(stored ci2)"
run "$AC" keys list --profile admin --json
check "... so the server no longer lists it" sh -c \
	'! printf "%s" "$1" | grep -q "two words"' - "$out"
run "$AC" logout --profile me --revoke
expect "logout --revoke of a pat_ is refused" 2
check "... and keeps it" test -n "$(stored me)"
run "$AC" logout --profile ci-deploy --revoke
check "logout --revoke of a key the server already rejects removes it here" \
	sh -c '[ "$1" -eq 0 ] && [ -z "$2" ]' - "$rc" "$(stored ci-deploy)"

done_testing
