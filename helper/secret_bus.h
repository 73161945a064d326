/*
 * A private connection to the session bus for calls to the Secret Service,
 * through libdbus, with one deadline over the whole operation (connecting
 * included): a bus or daemon that never answers costs the caller at most
 * keyring_timeout_seconds().  Failures are reported as keyring_report.h
 * says, except BUS_VANISHED, which the caller handles.
 */
#ifndef HELPER_SECRET_BUS_H
#define HELPER_SECRET_BUS_H

#include <stdbool.h>
#include <time.h>

#include "dbus_lib.h"

#define SECRET_SERVICE_NAME "org.freedesktop.secrets"
#define SECRET_SERVICE_PATH "/org/freedesktop/secrets"
#define SECRET_IFACE(name) "org.freedesktop.Secret." name

/* Not an exit status: the object called no longer exists (another process
 * replaced or removed the item), and the operation is worth running again
 * from its search. */
#define BUS_VANISHED ((enum ac_status)100)

struct bus {
	const struct dbus_lib *d;
	DBusConnection *conn;
	struct timespec end;
};

/* Load libdbus, connect and say Hello; the deadline starts here. */
enum ac_status bus_open(struct bus *b);
void bus_close(struct bus *b);

/* A new call of iface.method on path of the Secret Service. */
DBusMessage *bus_method(
    struct bus *b, const char *path, const char *iface, const char *method);

/* Send call (consumed) and wait for its reply, which the caller unrefs. */
enum ac_status bus_call(
    struct bus *b, DBusMessage *call, DBusMessage **reply, const char *doing);

/* Wait for signal iface.member from path (after an AddMatch for it). */
enum ac_status bus_wait_signal(struct bus *b, const char *path,
    const char *iface, const char *member, DBusMessage **signal,
    const char *doing);

/* Subscribe to signal iface.member from path of the Secret Service. */
enum ac_status bus_match_signal(
    struct bus *b, const char *path, const char *iface, const char *member);

#endif
