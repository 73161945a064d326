#!/bin/sh
# login stores a token in the Secret Service; get hands it back as shell
# code that real shells evaluate to the exact values.
. "$(dirname "$0")/lib.sh"
keyring_clear

run_in "$AK
" "$AC" login
expect "login of an ak_ from stdin succeeds" 0
check "login reports profile and key id on stderr" \
	grep -q "key1.*'default'" "$T/err"
check "login prints nothing on stdout" test ! -s "$T/out"
check "the secret value in the keyring is the token alone" \
	test "$(secret-tool lookup xdg:schema $SCHEMA profile default)" = "$AK"
attrs=$(secret-tool search --all xdg:schema $SCHEMA profile default 2>&1)
check "attributes hold kind, key id and API, and no secret" sh -c '
	printf "%s\n" "$1" | grep -qx "attribute.kind = ak" &&
	printf "%s\n" "$1" | grep -qx "attribute.key_id = key1" &&
	printf "%s\n" "$1" | grep -qx "attribute.api = https://api.anyreach.ai" &&
	! printf "%s\n" "$1" | grep "^attribute" | grep -q "$2"' - "$attrs" "$CANARY"

# eval_in SHELL FORM ARGS...: evaluate get's output in SHELL, quoted or
# unquoted, starting from a stale org, and print the two variables.
eval_in() {
	sh_=$1 form=$2
	shift 2
	if [ "$form" = quoted ]; then e='eval "$("$AC" get "$@")"'; else e='eval $("$AC" get "$@")'; fi
	ANYREACH_ORG_ID=stale_org AC=$AC "$sh_" -c "$e"'
		printf "%s|%s\n" "$ANYREACH_TOKEN" "${ANYREACH_ORG_ID-<unset>}"
		sh -c "printf %s \"\$ANYREACH_TOKEN\""' "$sh_" "$@" 2>"$T/err"
}

for shell in dash bash; do
	for form in quoted unquoted; do
		check "$shell $form eval of an ak_ exports the token and unsets the org" \
			test "$(eval_in $shell $form)" = "$AK|<unset>
$AK"
	done
done

run_in "$PAT" "$AC" login --profile work --org org_42
expect "login of a pat_ with a default org succeeds" 0
check "the pat_ item records its default org" sh -c \
	'secret-tool search --all xdg:schema '$SCHEMA' profile work 2>&1 |
		grep -qx "attribute.org = org_42"'
for shell in dash bash; do
	for form in quoted unquoted; do
		check "$shell $form eval of a pat_ exports token and the --org" \
			test "$(eval_in $shell $form --profile work --org org_flag | head -1)" = "$PAT|org_flag"
	done
done
check "ANYREACH_ORG_ID beats the stored default" \
	test "$(ANYREACH_ORG_ID=org_env "$AC" get --profile work)" = \
	"ANYREACH_TOKEN='$PAT'; export ANYREACH_TOKEN; ANYREACH_ORG_ID='org_env'; export ANYREACH_ORG_ID; "
run env -u ANYREACH_ORG_ID "$AC" get --profile work
check "the stored default org is used last" \
	sh -c 'printf "%s" "$1" | grep -q "ANYREACH_ORG_ID='"'org_42'"'"' - "$out"
check "an invalid ANYREACH_ORG_ID is refused, not emitted" sh -c '
	ANYREACH_ORG_ID="org 1" "$1" get --profile work >"$2/o" 2>/dev/null
	[ $? -eq 3 ] && [ ! -s "$2/o" ]' - "$AC" "$T"

run_in "$PAT" "$AC" login --profile noorg
run env -u ANYREACH_ORG_ID "$AC" get --profile noorg
expect "a pat_ with no org at get is a usage error" 2
check "... that says how to give an org, with nothing on stdout" sh -c '
	printf "%s" "$1" | grep -q -- "--org" &&
	printf "%s" "$1" | grep -q ANYREACH_ORG_ID && [ -z "$2" ]' - "$err" "$out"

run "$AC" get --org org_1
expect "--org with an ak_ profile is refused" 2
check "... with nothing on stdout" test -z "$out"

run "$AC" get --profile missing
expect "get of a profile that is not stored exits 1" 1
check "... and says how to log in" sh -c 'printf "%s" "$1" | grep -q "login --profile missing"' - "$err"

# A terminal gets no secret unless --reveal asks for it.
script -qec "$AC get" /dev/null >"$T/tty" 2>&1
check "get to a terminal does not print the token" sh -c \
	'! grep -q "$1" "$2" && grep -q -- --reveal "$2"' - "$CANARY" "$T/tty"
script -qec "$AC get --reveal" /dev/null >"$T/tty" 2>&1
check "get --reveal prints it to a terminal" grep -q "$AK" "$T/tty"

# Items written by someone else under our schema are validated too.
printf '%s' "ak_old.${CANARY}x" | secret-tool store --label=t xdg:schema $SCHEMA \
	profile expired kind ak key_id old api https://api.anyreach.ai expires_at 1000
run "$AC" get --profile expired
expect "an expired credential is not handed out" 6
check "... and nothing is printed" test -z "$out"
printf 'pat_a\nhost=evil' | secret-tool store --label=t xdg:schema $SCHEMA \
	profile tampered kind pat org org_1
run "$AC" get --profile tampered
expect "a stored token that breaks the grammar is refused" 3
check "... and never printed" test -z "$out"
printf '%s' "$PAT" | secret-tool store --label=t xdg:schema $SCHEMA \
	profile mismatch kind ak key_id x
run "$AC" get --profile mismatch
expect "an item whose kind does not match its token is refused" 3
printf '%s' "$AK" | secret-tool store --label=t xdg:schema other.Schema \
	profile foreign kind ak key_id key1
run "$AC" get --profile foreign
expect "an item of another schema is not ours" 1
secret-tool clear xdg:schema other.Schema

done_testing
