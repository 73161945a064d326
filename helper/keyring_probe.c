#include <string.h>

#include "keyring_probe.h"
#include "keyring_report.h"
#include "secret_bus.h"

static enum ac_status
default_collection(struct bus *b, struct keyring_probe *p)
{
	const char *alias = "default", *path = NULL;
	DBusMessage *reply = NULL, *m = bus_method(b, SECRET_SERVICE_PATH,
	                               SECRET_IFACE("Service"), "ReadAlias");
	DBusError e;
	enum ac_status st = bus_call_built(b, m,
	    m && b->d->message_append_args(
	             m, DBUS_TYPE_STRING, &alias, DBUS_TYPE_INVALID),
	    &reply, "asking for the default collection");

	if (st != AC_OK)
		return st;
	b->d->error_init(&e);
	if (b->d->message_get_args(
	        reply, &e, DBUS_TYPE_OBJECT_PATH, &path, DBUS_TYPE_INVALID) &&
	    strcmp(path, "/") != 0 && strlen(path) < sizeof(p->collection))
		memcpy(p->collection, path, strlen(path) + 1);
	b->d->error_free(&e);
	b->d->message_unref(reply);
	return AC_OK;
}

static enum ac_status
locked(struct bus *b, struct keyring_probe *p)
{
	DBusMessage *reply = NULL;
	DBusMessageIter it, v;
	dbus_bool_t yes = TRUE;
	enum ac_status st =
	    bus_get_property(b, p->collection, SECRET_IFACE("Collection"),
	        "Locked", &reply, "asking whether the keyring is locked");

	if (st != AC_OK)
		return st;
	if (b->d->message_iter_init(reply, &it) &&
	    b->d->message_iter_get_arg_type(&it) == DBUS_TYPE_VARIANT) {
		b->d->message_iter_recurse(&it, &v);
		if (b->d->message_iter_get_arg_type(&v) == DBUS_TYPE_BOOLEAN)
			b->d->message_iter_get_basic(&v, &yes);
	}
	p->locked = yes;
	b->d->message_unref(reply);
	return AC_OK;
}

void
keyring_probe(struct keyring_probe *p)
{
	struct bus b;

	memset(p, 0, sizeof(*p));
	p->bus = bus_open(&b);
	p->service = p->bus;
	if (p->bus != AC_OK)
		return;
	p->service = bus_meet_service(&b);
	if (p->service == AC_OK)
		p->service = default_collection(&b, p);
	if (p->service == AC_OK && p->collection[0])
		p->service = locked(&b, p);
	/* the collection went away between the calls, or the service
	 * does not have the methods: either way it cannot serve get */
	if (p->service == BUS_VANISHED)
		p->service = keyring_other("asking for the default collection",
		    "it is gone or does not answer the Secret Service calls");
	bus_close(&b);
}
