#!/bin/sh
# `make demo`: the main job end to end, in a throwaway keyring that is
# created for the demo and removed after it (your own keyring is never
# touched).  Each step prints the command it runs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
AC=${AC:-$(dirname "$here")/anyreach-cred}

if [ "${1-}" != --inside ]; then
	exec env AC="$AC" "$here/keyring-session.sh" sh "$0" --inside
fi

step() {
	printf '\n$ %s\n' "$*"
	sh -c "$*"
}

echo "A private D-Bus session with its own gnome-keyring is running."
step 'printf "%s\n" ak_demo42.s3cretvalue | "$AC" login'
step 'printf "%s\n" pat_demoPersonalToken | "$AC" login --profile personal --org org_demo'
step '"$AC" list'
step '"$AC" get'
step 'eval "$("$AC" get)"; echo "token from the keyring: $ANYREACH_TOKEN"'
step 'eval "$("$AC" get --profile personal)"; echo "org sent with the pat_: $ANYREACH_ORG_ID"'
step '"$AC" get --profile personal --format headers'
step 'printf "protocol=https\nhost=api.anyreach.ai\n\n" | "$AC" git get'
step 'printf "protocol=https\nhost=api.anyreach.ai.evil.example\n\n" | "$AC" git get; echo "(nothing for a lookalike host)"'
step '"$AC" exec -- sh -c '"'"'echo "the command sees $ANYREACH_TOKEN"'"'"''
step '"$AC" status --profile personal'
step '"$AC" logout --profile personal'
step '"$AC" logout'
step '"$AC" list --json'
printf '\nDemo finished; the throwaway keyring is removed.\n'
