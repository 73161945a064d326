#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyring_report.h"
#include "msg.h"
#include "secret_bus.h"

#define DBUS_ERR(name) "org.freedesktop.DBus.Error." name

static int
ms_left(const struct bus *b)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(b->end.tv_sec - now.tv_sec) * 1000 +
	     (b->end.tv_nsec - now.tv_nsec) / 1000000;
	return ms > 0 ? (int)ms : 0;
}

static bool
is(const DBusError *e, const char *name)
{
	return strcmp(e->name, name) == 0;
}

/* Map a D-Bus error onto the reports everyone else gives, and free it. */
static enum ac_status
bus_fail(struct bus *b, DBusError *e, const char *doing)
{
	enum ac_status st;
	const char *detail = e->message ? e->message : e->name;

	if (is(e, DBUS_ERR("NoReply")) || is(e, DBUS_ERR("Timeout")) ||
	    is(e, DBUS_ERR("TimedOut")) || ms_left(b) == 0)
		st = keyring_timed_out(doing);
	else if (is(e, DBUS_ERR("ServiceUnknown")) ||
	         is(e, DBUS_ERR("NameHasNoOwner")))
		st = keyring_no_service();
	else if (is(e, SECRET_IFACE("Error.IsLocked")))
		st = keyring_is_locked(doing);
	/* An item path that went away between a search and the call;
	 * gnome-keyring words it several ways. */
	else if (is(e, SECRET_IFACE("Error.NoSuchObject")) ||
	         is(e, DBUS_ERR("UnknownObject")) ||
	         is(e, DBUS_ERR("UnknownMethod")) ||
	         is(e, DBUS_ERR("UnknownInterface")))
		st = BUS_VANISHED;
	else if (is(e, DBUS_ERR("NoServer")) ||
	         is(e, DBUS_ERR("FileNotFound")) ||
	         is(e, DBUS_ERR("Disconnected")) ||
	         is(e, DBUS_ERR("NoNetwork")) || is(e, DBUS_ERR("IOError")))
		st = keyring_unreachable(doing, detail);
	else
		st = keyring_other(doing, detail);
	b->d->error_free(e);
	return st;
}

/* DBUS_SESSION_BUS_ADDRESS, else $XDG_RUNTIME_DIR/bus, which
 * keyring_check_bus() has seen to be a socket. */
static bool
session_address(const struct dbus_lib *d, char *addr, size_t size)
{
	const char *env = getenv("DBUS_SESSION_BUS_ADDRESS");
	char path[4096];
	char *escaped;
	int n;

	if (env && *env)
		n = snprintf(addr, size, "%s", env);
	else {
		snprintf(
		    path, sizeof(path), "%s/bus", getenv("XDG_RUNTIME_DIR"));
		escaped = d->address_escape_value(path);
		n = escaped ? snprintf(addr, size, "unix:path=%s", escaped)
		            : -1;
		d->free(escaped);
	}
	return n >= 0 && (size_t)n < size;
}

static enum ac_status
connect_bus(struct bus *b)
{
	DBusError e;
	char addr[8192];

	if (!session_address(b->d, addr, sizeof(addr)))
		return fail(AC_KEYRING, "the D-Bus session bus address is too "
		                        "long; check DBUS_SESSION_BUS_ADDRESS");
	b->d->error_init(&e);
	b->conn = b->d->connection_open_private(addr, &e);
	if (b->conn == NULL)
		return bus_fail(b, &e, "connecting to the session bus");
	return AC_OK;
}

/* The bus's own Hello, sent by hand: dbus_bus_register() would wait 25 s
 * for a bus that never answers, whatever the deadline says. */
static enum ac_status
hello(struct bus *b)
{
	DBusMessage *reply = NULL;
	DBusMessage *call =
	    b->d->message_new_method_call("org.freedesktop.DBus",
	        "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello");
	enum ac_status st = bus_call(b, call, &reply,
	    "connecting to the "
	    "session bus");

	if (reply)
		b->d->message_unref(reply);
	return st;
}

enum ac_status
bus_open(struct bus *b)
{
	enum ac_status st = keyring_check_bus();

	b->conn = NULL;
	if (st == AC_OK)
		st = dbus_lib_load(&b->d);
	if (st != AC_OK)
		return st;
	clock_gettime(CLOCK_MONOTONIC, &b->end);
	b->end.tv_sec += keyring_timeout_seconds();
	st = connect_bus(b);
	if (st == AC_OK)
		st = hello(b);
	if (st != AC_OK)
		bus_close(b);
	return st;
}

void
bus_close(struct bus *b)
{
	if (b->conn == NULL)
		return;
	b->d->connection_close(b->conn);
	b->d->connection_unref(b->conn);
	b->conn = NULL;
}

DBusMessage *
bus_method(
    struct bus *b, const char *path, const char *iface, const char *method)
{
	return b->d->message_new_method_call(
	    SECRET_SERVICE_NAME, path, iface, method);
}

enum ac_status
bus_call(
    struct bus *b, DBusMessage *call, DBusMessage **reply, const char *doing)
{
	DBusError e;
	int ms = ms_left(b);

	*reply = NULL;
	if (call == NULL)
		return fail(AC_FAILURE, "out of memory");
	b->d->error_init(&e);
	if (ms > 0)
		*reply = b->d->connection_send_with_reply_and_block(
		    b->conn, call, ms, &e);
	b->d->message_unref(call);
	if (ms == 0)
		return keyring_timed_out(doing);
	return *reply ? AC_OK : bus_fail(b, &e, doing);
}

enum ac_status
bus_match_signal(
    struct bus *b, const char *path, const char *iface, const char *member)
{
	DBusMessage *reply = NULL;
	DBusMessage *call =
	    b->d->message_new_method_call("org.freedesktop.DBus",
	        "/org/freedesktop/DBus", "org.freedesktop.DBus", "AddMatch");
	char text[1024];
	const char *rule = text;
	int n = snprintf(text, sizeof(text),
	    "type='signal',sender='%s',path='%s',interface='%s',member='%s'",
	    SECRET_SERVICE_NAME, path, iface, member);
	enum ac_status st = AC_OK;

	if (n < 0 || (size_t)n >= sizeof(text))
		st = keyring_other("waiting for the keyring", "path too long");
	else if (call && !b->d->message_append_args(
	                     call, DBUS_TYPE_STRING, &rule, DBUS_TYPE_INVALID))
		st = fail(AC_FAILURE, "out of memory");
	if (st == AC_OK)
		st = bus_call(b, call, &reply, "waiting for the keyring");
	else if (call)
		b->d->message_unref(call);
	if (reply)
		b->d->message_unref(reply);
	return st;
}

static bool
is_the_signal(struct bus *b, DBusMessage *m, const char *path,
    const char *iface, const char *member)
{
	const char *from = b->d->message_get_path(m);

	return b->d->message_is_signal(m, iface, member) && from &&
	       strcmp(from, path) == 0;
}

enum ac_status
bus_wait_signal(struct bus *b, const char *path, const char *iface,
    const char *member, DBusMessage **signal, const char *doing)
{
	DBusMessage *m;

	*signal = NULL;
	for (;;) {
		while ((m = b->d->connection_pop_message(b->conn)) != NULL) {
			if (is_the_signal(b, m, path, iface, member)) {
				*signal = m;
				return AC_OK;
			}
			b->d->message_unref(m);
		}
		if (ms_left(b) == 0)
			return keyring_timed_out(doing);
		if (!b->d->connection_read_write(b->conn, ms_left(b)))
			return keyring_unreachable(doing, "disconnected");
	}
}
