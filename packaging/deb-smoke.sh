#!/bin/sh
# Install the .deb that `make deb` built, use it the way a user would in a
# private keyring session, and remove it again.  Needs root (apt-get).
#   packaging/deb-smoke.sh build/deb/anyreach-cred_VERSION_ARCH.deb
set -eu
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
pass=0 failed=0
check() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then
		pass=$((pass + 1)); echo "ok - $name"
	else
		failed=$((failed + 1)); echo "not ok - $name"
	fi
}

apt-get install -y -qq "$deb" >/dev/null
check "installed: anyreach-cred --version" sh -c \
	'/usr/bin/anyreach-cred --version | grep -q "^anyreach-cred [0-9]"'
check "man anyreach-cred finds the page" man -w anyreach-cred
check "login and get in a private keyring, through the installed helpers" \
	"$here/tests/keyring-session.sh" sh -c '
	printf "ak_smoke.s3cret" | anyreach-cred login &&
	anyreach-cred get --format env | grep -qx "ANYREACH_TOKEN=ak_smoke.s3cret" &&
	printf "protocol=https\nhost=api.anyreach.ai\n\n" |
		git-credential-anyreach get | grep -qx "password=ak_smoke.s3cret" &&
	anyreach-cred doctor'
# Every calling tool of the README, with the packaged binaries.
tap="$here/build/deb/readme.tap"
AC=/usr/bin/anyreach-cred "$here/tests/keyring-session.sh" \
	sh "$here/tests/integration/t99-readme.sh" >"$tap" 2>&1 || true
check "the README's examples work with the installed package" sh -c '
	plan=$(sed -n "s/^1\.\.//p" "$1")
	[ -n "$plan" ] && [ "$(grep -c "^ok " "$1")" -eq "$plan" ]' - "$tap"
grep -v "^ok " "$tap" | sed 's/^/#   /'
apt-get remove -y -qq anyreach-cred >/dev/null
check "removed: nothing left in /usr/bin or /usr/libexec" sh -c \
	'! ls /usr/bin/*anyreach* /usr/libexec/anyreach-cred 2>/dev/null'
echo "deb smoke test: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
