#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connect_alarm.h"
#include "keyring_report.h"
#include "msg.h"
#include "secret_bus.h"

#define DBUS_ERR(name) "org.freedesktop.DBus.Error." name

static int
ms_until(const struct timespec *end)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(end->tv_sec - now.tv_sec) * 1000 +
	     (end->tv_nsec - now.tv_nsec) / 1000000;
	return ms > 0 ? (int)ms : 0;
}

static int
ms_left(const struct bus *b)
{
	return ms_until(&b->end);
}

static bool
is(const DBusError *e, const char *name)
{
	return strcmp(e->name, name) == 0;
}

/* Map an error reply onto the reports everyone else gives, and free it. */
static enum ac_status
bus_fail(struct bus *b, DBusError *e, const char *doing)
{
	enum ac_status st;
	const char *detail = e->message ? e->message : e->name;

	if (is(e, DBUS_ERR("ServiceUnknown")) ||
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
	struct connect_alarm deadline;
	DBusError e;
	char addr[8192], late[256];
	unsigned seconds = keyring_timeout_seconds();
	enum ac_status st = AC_OK;

	if (!session_address(b->d, addr, sizeof(addr)))
		return fail(AC_KEYRING, "the D-Bus session bus address is too "
		                        "long; check DBUS_SESSION_BUS_ADDRESS");
	snprintf(late, sizeof(late),
	    "anyreach-cred: the D-Bus session bus did not answer within %u s "
	    "while connecting; check DBUS_SESSION_BUS_ADDRESS\n",
	    seconds);
	b->d->error_init(&e);
	connect_alarm_arm(&deadline, seconds, late, AC_KEYRING);
	b->conn = b->d->connection_open_private(addr, &e);
	connect_alarm_disarm(&deadline);
	if (b->conn == NULL) {
		st = keyring_unreachable("connecting to the session bus",
		    e.message ? e.message : e.name);
		b->d->error_free(&e);
	}
	return st;
}

/* The bus's own Hello, sent by hand: dbus_bus_register() would wait 25 s
 * for a bus that never answers, whatever the deadline says.  A peer that
 * does not know Hello is no bus. */
static enum ac_status
hello(struct bus *b)
{
	DBusMessage *reply = NULL;
	DBusMessage *call =
	    b->d->message_new_method_call("org.freedesktop.DBus",
	        "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello");
	const char *doing = "connecting to the session bus";
	enum ac_status st = bus_call(b, call, &reply, doing);

	if (reply)
		b->d->message_unref(reply);
	if (st == BUS_VANISHED)
		st = keyring_unreachable(
		    doing, "no message bus at that address");
	return st;
}

enum ac_status
bus_open(struct bus *b)
{
	enum ac_status st = keyring_check_bus();

	memset(b, 0, sizeof(*b));
	if (st == AC_OK)
		st = dbus_lib_load(&b->d);
	if (st != AC_OK)
		return st;
	bus_restart_clock(b);
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
	if (b->watch.caught)
		b->d->message_unref(b->watch.caught);
	b->watch.caught = NULL;
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

/* The watched signal: from the watched path, and from the service that
 * answered our calls, since anyone on the bus may send us a signal. */
static bool
is_watched(struct bus *b, DBusMessage *m)
{
	const struct bus_watch *w = &b->watch;
	const char *path = b->d->message_get_path(m);
	const char *sender = b->d->message_get_sender(m);

	return w->iface && w->caught == NULL &&
	       b->d->message_is_signal(m, w->iface, w->member) && path &&
	       strcmp(path, w->path) == 0 && sender &&
	       strcmp(sender, b->service) == 0;
}

void
bus_restart_clock(struct bus *b)
{
	clock_gettime(CLOCK_MONOTONIC, &b->end);
	b->end.tv_sec += keyring_timeout_seconds();
}

/* A reply, not a signal that names the serial: any client of the bus can
 * send us those, while the daemon passes on only replies we asked for. */
static bool
is_reply(struct bus *b, DBusMessage *m, dbus_uint32_t serial)
{
	int type = b->d->message_get_type(m);

	return serial && b->d->message_get_reply_serial(m) == serial &&
	       (type == DBUS_MESSAGE_TYPE_METHOD_RETURN ||
	           type == DBUS_MESSAGE_TYPE_ERROR);
}

/* Take in what has arrived: the reply to serial (if not 0) into *reply,
 * the watched signal into the watch, the rest dropped. */
static void
take_messages(struct bus *b, dbus_uint32_t serial, DBusMessage **reply)
{
	DBusMessage *m;

	while (*reply == NULL &&
	       (m = b->d->connection_pop_message(b->conn)) != NULL) {
		if (is_reply(b, m, serial))
			*reply = m;
		else if (is_watched(b, m))
			b->watch.caught = m;
		else
			b->d->message_unref(m);
	}
}

/* Pump the connection until *reply or the watched signal has come, or
 * the deadline passes; bounded I/O only. */
static enum ac_status
pump(
    struct bus *b, dbus_uint32_t serial, DBusMessage **reply, const char *doing)
{
	for (;;) {
		take_messages(b, serial, reply);
		if (serial ? *reply != NULL : b->watch.caught != NULL)
			return AC_OK;
		if (ms_left(b) == 0)
			return keyring_timed_out(doing);
		if (!b->d->connection_read_write(b->conn, ms_left(b)))
			return keyring_unreachable(
			    doing, "the connection was closed");
	}
}

static void
remember_service(struct bus *b, DBusMessage *reply)
{
	const char *sender = b->d->message_get_sender(reply);

	/* the bus itself answers Hello and AddMatch */
	if (b->service[0] == '\0' && sender &&
	    strcmp(sender, "org.freedesktop.DBus") != 0 &&
	    strlen(sender) < sizeof(b->service))
		memcpy(b->service, sender, strlen(sender) + 1);
}

enum ac_status
bus_call(
    struct bus *b, DBusMessage *call, DBusMessage **reply, const char *doing)
{
	dbus_uint32_t serial = 0;
	DBusError e;
	enum ac_status st;

	*reply = NULL;
	if (call == NULL)
		return fail(AC_FAILURE, "out of memory");
	if (!b->d->connection_send(b->conn, call, &serial))
		serial = 0;
	b->d->message_unref(call);
	if (serial == 0)
		return fail(AC_FAILURE, "out of memory");
	st = pump(b, serial, reply, doing);
	if (st != AC_OK)
		return st;
	b->d->error_init(&e);
	if (b->d->set_error_from_message(&e, *reply)) {
		b->d->message_unref(*reply);
		*reply = NULL;
		return bus_fail(b, &e, doing);
	}
	remember_service(b, *reply);
	return AC_OK;
}

enum ac_status
bus_call_built(struct bus *b, DBusMessage *call, bool built,
    DBusMessage **reply, const char *doing)
{
	if (call && !built) {
		b->d->message_unref(call);
		call = NULL;
	}
	return bus_call(b, call, reply, doing);
}

enum ac_status
bus_get_property(struct bus *b, const char *path, const char *iface,
    const char *prop, DBusMessage **reply, const char *doing)
{
	DBusMessage *m = b->d->message_new_method_call(SECRET_SERVICE_NAME,
	    path, "org.freedesktop.DBus.Properties", "Get");

	return bus_call_built(b, m,
	    m && b->d->message_append_args(m, DBUS_TYPE_STRING, &iface,
	             DBUS_TYPE_STRING, &prop, DBUS_TYPE_INVALID),
	    reply, doing);
}

/* gnome-keyring (42 to at least 50; its issues 183, 190 and 194) makes
 * the record of a new client in an idle callback that a method call of
 * that client can overtake when the daemon is busy; an OpenSession that
 * wins aborts the daemon, taking every client's keyring down with it.
 * So the first call is one that needs no client record, answered from the
 * daemon's main loop: once it has answered, the record is made before any
 * later call is handled.  Reading the Collections property is such a call
 * (libsecret's first call reads all the properties).  The service is
 * activated here, and a name owner that does not know the call is no
 * keyring. */
enum ac_status
bus_meet_service(struct bus *b)
{
	DBusMessage *reply = NULL;
	enum ac_status st =
	    bus_get_property(b, SECRET_SERVICE_PATH, SECRET_IFACE("Service"),
	        "Collections", &reply, "connecting to the Secret Service");

	if (reply)
		b->d->message_unref(reply);
	return st == BUS_VANISHED ? keyring_no_service() : st;
}

enum ac_status
bus_watch_signal(
    struct bus *b, const char *path, const char *iface, const char *member)
{
	struct bus_watch *w = &b->watch;
	DBusMessage *reply = NULL;
	DBusMessage *call =
	    b->d->message_new_method_call("org.freedesktop.DBus",
	        "/org/freedesktop/DBus", "org.freedesktop.DBus", "AddMatch");
	char text[1024];
	const char *rule = text;
	const char *doing = "waiting for the keyring";
	int n = snprintf(text, sizeof(text),
	    "type='signal',sender='%s',path='%s',interface='%s',member='%s'",
	    SECRET_SERVICE_NAME, path, iface, member);
	enum ac_status st = AC_OK;

	if (n < 0 || (size_t)n >= sizeof(text) ||
	    strlen(path) >= sizeof(w->path))
		st = keyring_other(doing, "object path too long");
	else if (call && !b->d->message_append_args(
	                     call, DBUS_TYPE_STRING, &rule, DBUS_TYPE_INVALID))
		st = fail(AC_FAILURE, "out of memory");
	if (st != AC_OK) {
		if (call)
			b->d->message_unref(call);
		return st;
	}
	memcpy(w->path, path, strlen(path) + 1);
	w->iface = iface;
	w->member = member;
	st = bus_call(b, call, &reply, doing);
	if (reply)
		b->d->message_unref(reply);
	return st;
}

enum ac_status
bus_wait_signal(struct bus *b, DBusMessage **signal, const char *doing)
{
	DBusMessage *none = NULL;
	enum ac_status st = pump(b, 0, &none, doing);

	*signal = st == AC_OK ? b->watch.caught : NULL;
	b->watch.caught = NULL;
	return st;
}

void
bus_send_last(struct bus *b, DBusMessage *call, int grace_ms)
{
	struct timespec end;

	if (call == NULL)
		return;
	(void)b->d->connection_send(b->conn, call, NULL);
	b->d->message_unref(call);
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_nsec += (long)grace_ms * 1000000L;
	end.tv_sec += end.tv_nsec / 1000000000L;
	end.tv_nsec %= 1000000000L;
	while (b->d->connection_has_messages_to_send(b->conn) &&
	       ms_until(&end) > 0 &&
	       b->d->connection_read_write(b->conn, ms_until(&end)))
		;
}
