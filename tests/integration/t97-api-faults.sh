#!/bin/sh
# The API misbehaving in every mode the stand-in knows: each gives its
# documented message and exit code, nothing is stored that should not be,
# and create/rotate clean up after themselves or say what state is left.
. "$(dirname "$0")/lib.sh"
keyring_clear
MGR="ak_a1b2c3d4e5f6.${CANARY}manager"
cat >"$T/seed.json" <<EOS
{"keys": [{"token": "$MGR", "name": "admin", "org": "org_1",
           "scopes": ["organizations:manage"]}]}
EOS
start_fake_api "$T/seed.json"
stored() { secret-tool lookup xdg:schema $SCHEMA profile "$1"; }
# server_keys: how many keys the API lists for the org.
server_keys() {
	"$AC" keys list --profile admin --json |
		python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'
}
run_in "$MGR" "$AC" login --profile admin --api "$api"
snapshot=$(keyring_snapshot)

# verify_in MODE CODE NAME: verify under MODE exits CODE, one line, and
# the keyring is untouched.
verify_in() {
	api_mode "$1"
	run "$AC" verify --profile admin
	api_reset
	if [ "$rc" -ne "$2" ]; then
		not_ok "$3" "expected exit $2"
	elif [ -n "$out" ] || ! one_line_error; then
		not_ok "$3" "expected one line on stderr and nothing on stdout"
	elif [ "$(keyring_snapshot)" != "$snapshot" ]; then
		not_ok "$3" "the keyring changed"
	else
		ok "$3"
	fi
}
verify_in '{"mode":"401"}' 7 "401: rejected, exit 7, nothing erased"
verify_in '{"mode":"orgclaim"}' 2 "401 missing org claim: a configuration error, exit 2"
check "... whose message says to give an org" sh -c \
	'printf "%s" "$1" | grep -q "got no org"' - "$err"
verify_in '{"mode":"403"}' 8 "403: valid but lacks the scope, exit 8"
gets=$(api_count GET /admin/members/me/scopes)
verify_in '{"mode":"500"}' 12 "500: the API failed, exit 12"
check "... after 3 tries (GET is idempotent)" \
	test $(($(api_count GET /admin/members/me/scopes) - gets)) -eq 3
gets=$(api_count GET /admin/members/me/scopes)
api_mode '{"mode":"429","times":1}'
run "$AC" verify --profile admin
api_reset
check "429 with Retry-After is retried, then succeeds" \
	test "$rc" -eq 0 -a $(($(api_count GET /admin/members/me/scopes) - gets)) -eq 2
verify_in '{"mode":"huge"}' 12 "a reply over 1 MiB is refused, exit 12"
verify_in '{"mode":"stream"}' 12 "an endless reply with no length is cut at 1 MiB, exit 12"
verify_in '{"mode":"badjson"}' 12 "malformed JSON is refused, exit 12"
verify_in '{"mode":"html"}' 12 "a reply that is not JSON is refused, exit 12"
verify_in '{"mode":"escape"}' 12 "an error body with terminal escapes, exit 12"
check "... reaches the terminal without them" sh -c \
	'! printf "%s" "$1" | grep -q "$(printf "\033")" &&
	 ! printf "%s" "$1" | grep -q "$(printf "\007")"' - "$err"
t0=$(date +%s%3N)
api_mode '{"mode":"slow","seconds":6}'
run env ANYREACH_API_TIMEOUT=2 "$AC" verify --profile admin
api_reset
t1=$(date +%s%3N)
check "a slow API: the total timeout applies (network error, exit 9)" \
	test "$rc" -eq 9 -a $((t1 - t0)) -lt 5000

# A redirect is reported, never followed: the target gets nothing.
start_server headers "$T/captured"
: >"$T/captured"
api_mode "{\"mode\":\"redirect\",\"target\":\"http://127.0.0.1:$port/steal\"}"
run "$AC" verify --profile admin
api_reset
check "a redirect is an error that names the target host (exit 12)" sh -c \
	'[ "$1" -eq 12 ] && printf "%s" "$2" | grep -q "redirect.*127.0.0.1"' \
	- "$rc" "$err"
check "... and the target received nothing" test ! -s "$T/captured"

run env ANYREACH_API_URL=http://127.0.0.1:1 "$AC" verify --profile admin
expect "nothing listening: a network error, exit 9" 9
: >"$T/captured"
run env http_proxy="http://127.0.0.1:$port" HTTP_PROXY="http://127.0.0.1:$port" \
	all_proxy="http://127.0.0.1:$port" "$AC" verify --profile admin
check "a loopback API is reached directly: a proxy never sees the token" \
	test "$rc" -eq 0 -a ! -s "$T/captured"

# TLS: a server whose certificate is not trusted gets no request at all.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
	-keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
saved_api=$api saved_log=$api_log
start_fake_api "$T/seed.json" --tls "$T/cert.pem" "$T/key.pem"
run env ANYREACH_API_URL="https://127.0.0.1:$api_port" "$AC" verify --profile admin
check "an untrusted certificate is a TLS failure, exit 11" sh -c \
	'[ "$1" -eq 11 ] && printf "%s" "$2" | grep -q "TLS"' - "$rc" "$err"
check "... before any request was sent" test ! -s "$api_log"
api=$saved_api api_log=$saved_log

# keys create when things go wrong.
posts=$(api_count POST /admin/organization-pats)
api_mode '{"mode":"500","match":"POST"}'
run "$AC" keys create --profile admin --name fail1
api_reset
check "create is never retried: one POST on a 500 (exit 12)" sh -c \
	'[ "$1" -eq 12 ] && [ "$2" -eq 1 ]' - "$rc" \
	$(($(api_count POST /admin/organization-pats) - posts))
check "... and nothing is stored" test -z "$(stored fail1)"
api_mode '{"mode":"wrongprefix"}'
run "$AC" keys create --profile admin --name wrong
api_reset
check "a new key with the wrong prefix is not stored (exit 12)" sh -c \
	'[ "$1" -eq 12 ] && [ -z "$2" ]' - "$rc" "$(stored wrong)"
api_mode '{"mode":"403","match":"POST"}'
run "$AC" keys create --profile admin --name denied
api_reset
expect "create without the scope: forbidden, exit 8" 8
keys_before=$(server_keys)
dbus-send --session --dest=org.freedesktop.secrets --print-reply \
	/org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
	array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
# The creating key comes from ANYREACH_TOKEN, so only the store needs the
# (locked) keyring.
run env ANYREACH_TOKEN="$MGR" ANYREACH_API_URL="$api" "$AC" keys create \
	--name orphan
printf %s "$KEYRING_TEST_PASSWORD" |
	gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1
check "create whose store fails (locked keyring) exits 5" test "$rc" -eq 5
check "... and deletes the new key on the server: no orphan" \
	test "$(server_keys)" -eq "$keys_before"
check "... saying so" sh -c \
	'printf "%s" "$1" | grep -q "deleted on the server again"' - "$err"

# rotate when things go wrong: the old key stays wherever it must.
"$AC" keys create --profile admin --name rot >/dev/null 2>&1
old=$(stored rot)
api_mode '{"mode":"500","match":"POST"}'
run "$AC" rotate --profile rot
api_reset
check "rotate whose create fails keeps the old key (exit 12)" sh -c \
	'[ "$1" -eq 12 ] && [ "$2" = "$3" ]' - "$rc" "$(stored rot)" "$old"
count=$(server_keys)
api_mode '{"mode":"401","match":"GET /admin/members/me/scopes","times":1}'
run "$AC" rotate --profile rot
api_reset
check "rotate whose new key fails its check keeps the old one (exit 7)" \
	sh -c '[ "$1" -eq 7 ] && [ "$2" = "$3" ]' - "$rc" "$(stored rot)" "$old"
check "... deletes the new key again" test "$(server_keys)" -eq "$count"
check "... and the old key still works" sh -c \
	'"$1" verify --profile rot >/dev/null 2>&1' - "$AC"
api_mode '{"mode":"500","match":"DELETE"}'
run "$AC" rotate --profile rot
api_reset
check "rotate whose old-key delete fails keeps the new key in use" \
	sh -c '[ "$1" -ne 0 ] && [ -n "$2" ] && [ "$2" != "$3" ]' - "$rc" \
	"$(stored rot)" "$old"
check "... and says the old key is still live, and how to delete it" sh -c \
	'printf "%s" "$1" | grep -q "still live on the server.*keys delete"' \
	- "$err"

# Every way the stand-in can fail, during create and during rotate.
modes="401 403 429 500 slow huge badjson html escape redirect orgclaim"
for mode in $modes wrongprefix; do
	keys=$(server_keys)
	api_mode "{\"mode\":\"$mode\",\"seconds\":3,\"target\":\"http://127.0.0.1:1/\"}"
	run env ANYREACH_API_TIMEOUT=2 "$AC" keys create --profile admin \
		--name "m-$mode"
	api_reset
	if [ "$mode" = slow ]; then
		sleep 2 # the stand-in still makes the key after our timeout
		keys=$((keys + 1))
		printf "%s" "$err" | grep -q "may have created the key" ||
			not_ok "a timed-out create says where to look for the key"
	fi
	if [ "$rc" -eq 0 ] || [ -n "$(stored "m-$mode")" ] || [ -n "$out" ]; then
		not_ok "create with the API in mode $mode: refused, nothing stored"
	elif [ "$mode" != wrongprefix ] && [ "$(server_keys)" -ne "$keys" ]; then
		not_ok "create with the API in mode $mode: no key left behind"
	else
		ok "create with the API in mode $mode: refused, nothing stored or left behind"
	fi
done
current=$(stored rot)
# Each mode on the create call itself, then on anything rotate sends.
for mode in 500 huge stream badjson html wrongprefix; do
	api_mode "{\"mode\":\"$mode\",\"match\":\"POST\"}"
	run "$AC" rotate --profile rot
	api_reset
	check "rotate whose create answers $mode keeps the key in use" sh -c \
		'[ "$1" -ne 0 ] && [ "$2" = "$3" ] && "$4" verify --profile rot \
		>/dev/null 2>&1' - "$rc" "$(stored rot)" "$current" "$AC"
done
for mode in $modes wrongprefix; do
	api_mode "{\"mode\":\"$mode\",\"seconds\":3,\"target\":\"http://127.0.0.1:1/\"}"
	run env ANYREACH_API_TIMEOUT=2 "$AC" rotate --profile rot
	api_reset
	check "rotate with the API in mode $mode keeps the key in use" sh -c \
		'[ "$1" -ne 0 ] && [ "$2" = "$3" ] && "$4" verify --profile rot \
		>/dev/null 2>&1' - "$rc" "$(stored rot)" "$current" "$AC"
done

api_mode '{"mode":"500","match":"DELETE"}'
run "$AC" logout --profile rot --revoke
api_reset
check "logout --revoke whose delete fails removes nothing here" \
	test "$rc" -eq 12 -a -n "$(stored rot)"

done_testing
