#!/bin/sh
# Every shell format, evaluated by its real shell, gives back the exact
# values, and an ak_ clears a stale org.  (PowerShell is not packaged by
# Debian; its format is pinned down in tests/unit/test_formats.c.)
. "$(dirname "$0")/lib.sh"
keyring_clear
run_in "$AK" "$AC" login
run_in "$PAT" "$AC" login --profile work --org org_42
export AC

for form in quoted unquoted; do
	if [ $form = quoted ]; then e='eval "$("$AC" get "$@")"'; else e='eval $("$AC" get "$@")'; fi
	got=$(ANYREACH_ORG_ID=stale zsh -c "$e"'; print -r -- "$ANYREACH_TOKEN|${ANYREACH_ORG_ID-<unset>}"' zsh)
	check "zsh $form eval of an ak_ gives the token and no org" \
		test "$got" = "$AK|<unset>"
	got=$(zsh -c "$e"'; print -r -- "$ANYREACH_TOKEN|$ANYREACH_ORG_ID"' zsh --profile work)
	check "zsh $form eval of a pat_ gives token and org" \
		test "$got" = "$PAT|org_42"
done

got=$(ANYREACH_ORG_ID=stale fish -c '$AC get --format fish | source
	echo "$ANYREACH_TOKEN|"(set -q ANYREACH_ORG_ID; and echo set; or echo unset)
	sh -c "printf %s \"\$ANYREACH_TOKEN\""')
check "fish sources the fish format: the token, exported, and no org" \
	test "$got" = "$AK|unset
$AK"
got=$(fish -c '$AC get --profile work --format fish | source
	sh -c "printf %s \"\$ANYREACH_TOKEN|\$ANYREACH_ORG_ID\""')
check "fish sources a pat_ with its org, both exported" \
	test "$got" = "$PAT|org_42"

"$AC" get --profile work --format env >"$T/env"
got=$(env -i sh -c 'set -a; . "$1"; env' - "$T/env" | grep ^ANYREACH_ | sort)
check "the env format read as an environment file gives both values" \
	test "$got" = "ANYREACH_ORG_ID=org_42
ANYREACH_TOKEN=$PAT"

# The values a shell would misread never reach it: a token that passed
# into the keyring by another route is refused at output.
printf '%s' "pat_\$(touch $T/pwned)" | secret-tool store --label=t \
	xdg:schema $SCHEMA profile evil kind pat org org_1
for f in sh fish powershell env headers curl json; do
	run "$AC" get --profile evil --format $f
	check "a stored token with shell syntax is refused ($f)" \
		test "$rc" -eq 3 -a -z "$out"
done
check "... and nothing was ever run" test ! -e "$T/pwned"

done_testing
