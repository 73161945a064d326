#!/bin/sh
# `make bench`: build the reference git-credential-libsecret from the
# source Debian's git package ships, then run bench.py in a private
# keyring session, in a user namespace of its own so that the opt-in
# cache's entries go to a fresh kernel user keyring, never the caller's.
# ROUNDS (default 30) sets the interleaved rounds.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$(dirname "$here")")
out="$top/build/bench"
src=/usr/share/doc/git/contrib/credential/libsecret/git-credential-libsecret.c
mkdir -p "$out"
# shellcheck disable=SC2046 # pkg-config prints several words
cc -O2 -o "$out/git-credential-libsecret" "$src" \
	$(pkg-config --cflags --libs libsecret-1 glib-2.0)
cc -O2 -o "$out/noop" "$here/noop.c"
exec unshare --user --map-root-user keyctl session - \
	"$top/tests/keyring-session.sh" python3 "$here/bench.py" \
	"${ROUNDS:-30}" "$top/anyreach-cred" "$out/git-credential-libsecret" \
	"$out/noop"
