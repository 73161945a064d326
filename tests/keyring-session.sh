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
	WAYLAND_DISPLAY ANYREACH_TOKEN ANYREACH_ORG_ID ANYREACH_PROFILE
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
	exec "$@"' keyring-session "$@" || status=$?
exit $status
