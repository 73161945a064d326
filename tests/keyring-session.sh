#!/bin/sh
# Run a command inside a throwaway keyring: a fresh HOME and XDG
# directories, a private D-Bus session bus, and a gnome-keyring-daemon whose
# login keyring is created and unlocked with a fixed test password.  The
# user's own keyring and bus are never touched; all is removed at exit.
#
#   tests/keyring-session.sh CMD [ARGS...]
set -eu

top=$(mktemp -d "${TMPDIR:-/tmp}/anyreach-keyring.XXXXXX")
trap 'rm -rf "$top"' EXIT INT TERM
mkdir -m 700 "$top/home" "$top/run"

# Nothing from the caller's session may leak in.
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DISPLAY \
	WAYLAND_DISPLAY ANYREACH_TOKEN ANYREACH_ORG_ID ANYREACH_PROFILE \
	ANYREACH_TOKEN_FILE CREDENTIALS_DIRECTORY ANYREACH_STORE ANYREACH_CACHE_TTL \
	ANYREACH_API_URL
export HOME="$top/home" XDG_RUNTIME_DIR="$top/run" \
	XDG_DATA_HOME="$top/home/.local/share" \
	XDG_CONFIG_HOME="$top/home/.config" XDG_CACHE_HOME="$top/home/.cache"
export KEYRING_TEST_PASSWORD=anyreach-test

# The bus daemon and the services it activates (gnome-keyring, the prompter)
# write their chatter to a log instead of the test output.
cat >"$top/dbus-daemon" <<EOS
#!/bin/sh
exec dbus-daemon "\$@" 2>>"$top/daemons.log"
EOS
chmod +x "$top/dbus-daemon"

status=0
dbus-run-session --dbus-daemon="$top/dbus-daemon" -- sh -c '
	printf %s "$KEYRING_TEST_PASSWORD" |
		gnome-keyring-daemon --unlock --components=secrets >/dev/null
	# The daemon forks and takes its bus name a moment later.  A call made
	# before that would have the bus start a second daemon (the service
	# file), with a locked keyring, that can take the name over mid-test;
	# so wait for the name (asking the bus does not start anything).
	for _ in $(seq 100); do
		dbus-send --session --print-reply=literal \
			--dest=org.freedesktop.DBus /org/freedesktop/DBus \
			org.freedesktop.DBus.NameHasOwner \
			string:org.freedesktop.secrets 2>/dev/null |
			grep -q true && break
		sleep 0.05
	done
	exec "$@"' keyring-session "$@" || status=$?
# When something failed, what the daemons said may tell why (a keyring
# daemon that died, say); as TAP comments.
if [ "$status" -ne 0 ] && [ -s "$top/daemons.log" ]; then
	tail -n 20 "$top/daemons.log" | sed 's/^/# daemons: /'
fi
exit $status
