#include <gio/gio.h>
#include <libsecret/secret.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "keyring_deadline.h"
#include "keyring_error.h"
#include "msg.h"

#define NO_SERVICE_FIX                                                         \
	"install and start a Secret Service such as gnome-keyring "            \
	"(gnome-keyring-daemon --start --components=secrets)"

enum ac_status
keyring_check_bus(void)
{
	const char *addr = getenv("DBUS_SESSION_BUS_ADDRESS");
	const char *run = getenv("XDG_RUNTIME_DIR");
	char path[4096];
	struct stat st;

	if (addr && *addr)
		return AC_OK;
	/* GLib's own fallback when the variable is unset. */
	if (run && *run &&
	    (size_t)snprintf(path, sizeof(path), "%s/bus", run) <
	        sizeof(path) &&
	    stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
		return AC_OK;
	return fail(AC_KEYRING,
	    "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set); run "
	    "in a desktop or 'dbus-run-session' session, or use "
	    "ANYREACH_TOKEN on machines without a keyring");
}

static bool
is_dbus_error(const GError *err, const char *name)
{
	gchar *remote = g_dbus_error_get_remote_error(err);
	bool match = remote && strcmp(remote, name) == 0;

	g_free(remote);
	return match;
}

/* D-Bus and GLib messages carry no secret of ours, but they may carry
 * bytes from other programs: print control characters as '?'. */
static void
sanitize(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/* gnome-keyring answers a call on a deleted item with UnknownMethod,
 * "Object does not exist at path ..."; only that wording, not any unknown
 * method, means the item is gone. */
bool
keyring_gone(const GError *err)
{
	return g_error_matches(
	           err, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT) ||
	       g_error_matches(
	           err, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
	       is_dbus_error(
	           err, "org.freedesktop.Secret.Error.NoSuchObject") ||
	       (g_error_matches(
	            err, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) &&
	           strstr(err->message, "does not exist") != NULL);
}

/* A read may also be told "no such interface" or "unknown method" for an
 * item path that went away between a search and the call (GDBus and
 * gnome-keyring word it several ways); it just searches again. */
bool
keyring_vanished(const GError *err)
{
	return keyring_gone(err) ||
	       g_error_matches(
	           err, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
	       g_error_matches(err, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD);
}

static enum ac_status
classify(const GError *err, const char *doing)
{
	if (deadline_fired())
		return fail(AC_KEYRING,
		    "the Secret Service did not answer within %u s while %s; "
		    "check that the keyring daemon is running and not waiting "
		    "on a prompt (ANYREACH_KEYRING_TIMEOUT sets the limit)",
		    deadline_seconds(), doing);
	if (is_dbus_error(err, "org.freedesktop.DBus.Error.ServiceUnknown") ||
	    is_dbus_error(err, "org.freedesktop.DBus.Error.NameHasNoOwner"))
		return fail(AC_KEYRING,
		    "no Secret Service on the session bus; " NO_SERVICE_FIX);
	if (g_error_matches(err, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
		return fail(AC_LOCKED,
		    "the keyring is locked while %s; unlock it (log in to the "
		    "desktop, or unlock the login keyring with "
		    "gnome-keyring-daemon --unlock) and try again",
		    doing);
	if (err->domain == G_IO_ERROR && !g_dbus_error_is_remote_error(err))
		return fail(AC_KEYRING,
		    "cannot reach the D-Bus session bus while %s (%s); check "
		    "DBUS_SESSION_BUS_ADDRESS",
		    doing, err->message);
	return fail(
	    AC_KEYRING, "keyring error while %s: %s", doing, err->message);
}

enum ac_status
keyring_fail(GError *err, const char *doing)
{
	enum ac_status st;

	sanitize(err->message);
	st = classify(err, doing);
	g_error_free(err);
	return st;
}

enum ac_status
keyring_locked(const char *profile)
{
	return fail(AC_LOCKED,
	    "the keyring holding profile '%s' is locked and was not "
	    "unlocked (no prompt could be shown, or it was dismissed); unlock "
	    "it by logging in to the desktop or with gnome-keyring-daemon "
	    "--unlock",
	    profile);
}
