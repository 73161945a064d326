#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "keyring_report.h"
#include "msg.h"

/* Enough of what the bus or library said to tell the cause. */
#define DETAIL_MAX 512

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
	/* The fallback of GLib and libdbus when the variable is unset. */
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

unsigned
keyring_timeout_seconds(void)
{
	const char *env = getenv("ANYREACH_KEYRING_TIMEOUT");
	unsigned v = 0;

	if (env == NULL || *env == '\0' || strlen(env) > 3 ||
	    strspn(env, "0123456789") != strlen(env))
		return KEYRING_DEFAULT_SECONDS;
	for (; *env; env++)
		v = v * 10 + (unsigned)(*env - '0');
	return v >= 1 && v <= 600 ? v : KEYRING_DEFAULT_SECONDS;
}

void
keyring_sanitize(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

enum ac_status
keyring_timed_out(const char *doing)
{
	return fail(AC_KEYRING,
	    "the Secret Service did not answer within %u s while %s; "
	    "check that the keyring daemon is running and not waiting "
	    "on a prompt (ANYREACH_KEYRING_TIMEOUT sets the limit)",
	    keyring_timeout_seconds(), doing);
}

enum ac_status
keyring_no_service(void)
{
	return fail(AC_KEYRING,
	    "no Secret Service on the session bus; " NO_SERVICE_FIX);
}

enum ac_status
keyring_is_locked(const char *doing)
{
	return fail(AC_LOCKED,
	    "the keyring is locked while %s; unlock it (log in to the "
	    "desktop, or unlock the login keyring with "
	    "gnome-keyring-daemon --unlock) and try again",
	    doing);
}

enum ac_status
keyring_unreachable(const char *doing, const char *detail)
{
	char text[DETAIL_MAX];

	snprintf(text, sizeof(text), "%s", detail);
	keyring_sanitize(text);
	return fail(AC_KEYRING,
	    "cannot reach the D-Bus session bus while %s (%s); check "
	    "DBUS_SESSION_BUS_ADDRESS",
	    doing, text);
}

enum ac_status
keyring_other(const char *doing, const char *detail)
{
	char text[DETAIL_MAX];

	snprintf(text, sizeof(text), "%s", detail);
	keyring_sanitize(text);
	return fail(AC_KEYRING, "keyring error while %s: %s", doing, text);
}

enum ac_status
keyring_kept_changing(void)
{
	return fail(AC_KEYRING, "the credential kept changing while it "
	                        "was read (other logins at the same "
	                        "time?); try again");
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
