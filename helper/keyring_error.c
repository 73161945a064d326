#include <gio/gio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "keyring_deadline.h"
#include "keyring_error.h"

static bool
is_dbus_error(const GError *err, const char *name)
{
	gchar *remote = g_dbus_error_get_remote_error(err);
	bool match = remote && strcmp(remote, name) == 0;

	g_free(remote);
	return match;
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
classify(GError *err, const char *doing)
{
	if (deadline_fired())
		return keyring_timed_out(doing);
	if (is_dbus_error(err, "org.freedesktop.DBus.Error.ServiceUnknown") ||
	    is_dbus_error(err, "org.freedesktop.DBus.Error.NameHasNoOwner"))
		return keyring_no_service();
	if (g_error_matches(err, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
		return keyring_is_locked(doing);
	if (err->domain == G_IO_ERROR && !g_dbus_error_is_remote_error(err))
		return keyring_unreachable(doing, err->message);
	return keyring_other(doing, err->message);
}

enum ac_status
keyring_fail(GError *err, const char *doing)
{
	enum ac_status st = classify(err, doing);

	g_error_free(err);
	return st;
}
