#!/bin/sh
# The cache against a login that lands while a get is between its read of
# the Secret Service and the entry it files: gdb stops the get at that
# add_key, the login runs to the end, then the get goes on.  The next get
# must serve the new token, whatever lock file (XDG_RUNTIME_DIR) either
# side uses, and the login must not wait on the paused get.  Its own user
# namespace, for a fresh user keyring; not run under valgrind (gdb).
if [ -z "${IN_KEY_NS-}" ]; then
	IN_KEY_NS=1 exec unshare --user --map-root-user \
		keyctl session - sh "$0" "$@" 2>/dev/null
fi
. "$(dirname "$0")/lib.sh"
export ANYREACH_CACHE_TTL=300
# LeakSanitizer cannot run under ptrace; the sanitized build is traced here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
printf %s "$AK2" >"$T/new"
# The login gdb runs while the get is stopped; it records its status and
# how long it took.
cat >"$T/login.sh" <<EOS
start=\$(date +%s)
"$AC" login <"$T/new" >/dev/null 2>"$T/login.err"
echo "\$? \$((\$(date +%s) - start))" >"$T/login.rc"
EOS

# paused_get RUNTIME_DIR: a get whose cache fill waits for login.sh.
paused_get() {
	XDG_RUNTIME_DIR=$1 gdb -q -batch -ex 'catch syscall add_key' -ex run \
		-ex "shell sh $T/login.sh" -ex continue --args "$AC" get \
		>"$T/gdb.out" 2>&1
}

for where in same elsewhere; do
	rm -f "$T/login.rc"
	run_in "$AK" "$AC" login
	mkdir -p "$T/$where" && chmod 700 "$T/$where"
	if [ $where = same ]; then dir=$XDG_RUNTIME_DIR; else dir=$T/$where; fi
	paused_get "$dir"
	check "$where lock directory: gdb stopped the get at its fill" \
		grep -q "syscall add_key" "$T/gdb.out"
	check "... the login meanwhile finished at once (no lock held by get)" \
		sh -c 'read -r rc secs <"$1" && [ "$rc" -eq 0 ] && [ "$secs" -le 2 ]' \
		- "$T/login.rc"
	run "$AC" get --format env
	check "... and the next get serves the new token, not the one filed" \
		test "$out" = "ANYREACH_TOKEN=$AK2"
done

done_testing
