#!/bin/sh
# What `make install` lays out beside the binary: the man page (whose
# SYNOPSIS names the same commands as --help), completions that real
# shells load and use, and an uninstall that leaves nothing behind.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
root=$(cd "$(dirname "$AC")/.." && pwd) # the installed /usr
man="$root/share/man/man1/anyreach-cred.1"

check "the man page is installed, and one for each helper name" sh -c '
	for n in anyreach-cred git-credential-anyreach \
		docker-credential-anyreach anyreach-credential-helper; do
		[ -e "$1/share/man/man1/$n.1" ] || exit 1
	done' - "$root"
check "mandoc -T lint finds nothing" mandoc -T lint -W warning "$man"
check "man renders it" sh -c 'MANPAGER=cat man -l "$1" 2>/dev/null |
	grep -q "EXIT STATUS"' - "$man"
help_cmds=$("$AC" --help | sed -n '/^commands:/,/^$/s/^  \([a-z-]*\).*/\1/p' |
	grep -v '^$' | sort -u)
man_cmds=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/{
	/^\.Nm anyreach-cred$/{n;s/^\.Cm \([a-z-]*\).*/\1/p}}' "$man" | sort -u)
check "SYNOPSIS and --help name the same commands" \
	test "$help_cmds" = "$man_cmds"
check "... and there are many of them" test "$(echo "$man_cmds" | wc -l)" -ge 14
check "every exit status of --help is in EXIT STATUS" sh -c '
	for code in 0 1 2 3 4 5 6 7 8 9 10 11 12; do
		sed -n "/^\.Sh EXIT STATUS/,/^\.Sh EXAMPLES/p" "$1" |
			grep -qx "\.It $code" || exit 1
	done' - "$man"

comp() { # a bash completion of the words "$@" (the last may be empty)
	bash -c '. /usr/share/bash-completion/bash_completion
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_anyreach_cred; printf "%s\n" "${COMPREPLY[@]}"' - \
		"$root/share/bash-completion/completions/anyreach-cred" "$@"
}
check "bash completes the commands" sh -c '
	printf "%s\n" "$1" | grep -qx doctor' - "$(comp anyreach-cred d)"
check "bash completes get --format" sh -c '
	[ "$(printf "%s\n" "$1" | sort | tr "\n" " ")" = "json " ]' - \
	"$(comp anyreach-cred get --format j)"
check "bash completes setup's tools" sh -c '
	printf "%s\n" "$1" | grep -qx docker' - "$(comp anyreach-cred setup do)"
fishout=$(fish -c 'source $argv[1]; complete -C "anyreach-cred get --format j"' \
	"$root/share/fish/vendor_completions.d/anyreach-cred.fish" 2>&1)
check "fish completes get --format" sh -c '
	printf "%s\n" "$1" | grep -q "^--format=json\|^json"' - "$fishout"
zshout=$(zsh -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D
	whence -v _anyreach-cred >/dev/null && print ok' - \
	"$root/share/zsh/site-functions" 2>&1)
check "zsh finds the completion function on its fpath" test "$zshout" = ok

cp -a "$(dirname "$root")" "$T/copy"
make -s -C "$top" uninstall DESTDIR="$T/copy" PREFIX=/usr >/dev/null 2>&1
check "make uninstall leaves no file behind" \
	test -z "$(find "$T/copy" ! -type d)"

done_testing
