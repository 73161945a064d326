/*
 * A private connection to the session bus for calls to the Secret Service,
 * through libdbus, with one deadline over the whole operation: a bus or
 * daemon that never answers costs the caller at most
 * keyring_timeout_seconds().  libdbus's blocking calls flush and
 * authenticate without a time limit, so this never uses them: it queues a
 * message and pumps the connection itself, matching replies by serial.
 * Failures are reported as keyring_report.h says, except BUS_VANISHED,
 * which the caller handles.
 */
#ifndef HELPER_SECRET_BUS_H
#define HELPER_SECRET_BUS_H

#include <stdbool.h>
#include <time.h>

#include "dbus_lib.h"

#define SECRET_SERVICE_NAME "org.freedesktop.secrets"
#define SECRET_SERVICE_PATH "/org/freedesktop/secrets"
#define SECRET_IFACE(name) "org.freedesktop.Secret." name

/* Not an exit status: the item called no longer exists (another process
 * replaced or removed it), and the operation is worth running again from
 * its search. */
#define BUS_VANISHED ((enum ac_status)100)

/* A signal being waited for, and the first one that came. */
struct bus_watch {
	char path[256];
	const char *iface, *member;
	DBusMessage *caught;
};

struct bus {
	const struct dbus_lib *d;
	DBusConnection *conn;
	struct timespec end;
	char service[256]; /* the unique name that answered for the service */
	struct bus_watch watch;
};

/* Load libdbus, connect and say Hello; the deadline starts here. */
enum ac_status bus_open(struct bus *b);
void bus_close(struct bus *b);

/* The first call to the Secret Service on a new connection, which every
 * user makes before any other: gnome-keyring can abort on a first call
 * that needs its record of the client (secret_bus.c says more). */
enum ac_status bus_meet_service(struct bus *b);

/* Give the calls from now on a whole keyring_timeout_seconds() again. */
void bus_restart_clock(struct bus *b);

/* A new call of iface.method on path of the Secret Service. */
DBusMessage *bus_method(
    struct bus *b, const char *path, const char *iface, const char *method);

/* Send call (consumed) and wait for its reply, which the caller unrefs. */
enum ac_status bus_call(
    struct bus *b, DBusMessage *call, DBusMessage **reply, const char *doing);

/* bus_call() of a call whose arguments were appended (built) or not (out
 * of memory: the call is freed and the failure reported). */
enum ac_status bus_call_built(struct bus *b, DBusMessage *call, bool built,
    DBusMessage **reply, const char *doing);

/* Properties.Get of iface.prop on path of the Secret Service; the reply,
 * which the caller unrefs, holds the value in a variant. */
enum ac_status bus_get_property(struct bus *b, const char *path,
    const char *iface, const char *prop, DBusMessage **reply,
    const char *doing);

/* Watch for signal iface.member from path of the Secret Service, from
 * now on (signals that come during later calls are kept). */
enum ac_status bus_watch_signal(
    struct bus *b, const char *path, const char *iface, const char *member);

/* The watched signal (the caller unrefs it), once it has come. */
enum ac_status bus_wait_signal(
    struct bus *b, DBusMessage **signal, const char *doing);

/* Send call (consumed) without waiting for a reply, giving it at most
 * grace_ms to leave: for a last word after the deadline. */
void bus_send_last(struct bus *b, DBusMessage *call, int grace_ms);

#endif
