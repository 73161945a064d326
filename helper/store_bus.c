/*
 * Reading a credential from the Secret Service in the few calls a get
 * needs, over libdbus: Hello, a property of the service (secret_bus.c says
 * why it comes first), OpenSession, SearchItems, one GetAll per
 * item of the profile (one, but for a moment during a store), GetSecret.
 * libsecret spends most of a lookup on a Diffie-Hellman session and a
 * dozen more calls; this asks for a "plain" session, in which the secret
 * crosses the session bus unencrypted (the README, "Performance", says
 * what that changes).  Items are found as libsecret stores them: schema
 * ai.anyreach.Credential in the xdg:schema attribute.  A locked item is
 * unlocked through the service's own prompt, as libsecret does.
 */
#include <stdio.h>
#include <string.h>

#include "cred_attrs.h"
#include "keyring_report.h"
#include "msg.h"
#include "secret_bus.h"
#include "store_lock.h"
#include "store_bus.h"

#define ATTEMPTS 5
#define DISMISS_GRACE_MS 250
#define PROPERTIES "org.freedesktop.DBus.Properties"

struct reader {
	struct bus bus;
	const struct dbus_lib *d;
	char session[256]; /* object path of our plain session */
};

static enum ac_status
malformed(const char *doing)
{
	return keyring_other(doing, "the Secret Service sent a reply of an "
	                            "unexpected type");
}

static enum ac_status
open_session(struct reader *r)
{
	const struct dbus_lib *d = r->d;
	DBusMessage *m = bus_method(&r->bus, SECRET_SERVICE_PATH,
	    SECRET_IFACE("Service"), "OpenSession");
	DBusMessage *reply;
	DBusMessageIter it, v;
	const char *algorithm = "plain", *none = "", *path = NULL;
	const char *doing = "opening a keyring session";
	enum ac_status st;

	if (m)
		d->message_iter_init_append(m, &it);
	st = bus_call_built(&r->bus, m,
	    m &&
	        d->message_iter_append_basic(
	            &it, DBUS_TYPE_STRING, &algorithm) &&
	        d->message_iter_open_container(
	            &it, DBUS_TYPE_VARIANT, "s", &v) &&
	        d->message_iter_append_basic(&v, DBUS_TYPE_STRING, &none) &&
	        d->message_iter_close_container(&it, &v),
	    &reply, doing);
	if (st == BUS_VANISHED) /* whatever owns the name is no keyring */
		return keyring_no_service();
	if (st != AC_OK)
		return st;
	if (d->message_iter_init(reply, &it) &&
	    d->message_iter_get_arg_type(&it) == DBUS_TYPE_VARIANT &&
	    d->message_iter_next(&it) &&
	    d->message_iter_get_arg_type(&it) == DBUS_TYPE_OBJECT_PATH)
		d->message_iter_get_basic(&it, &path);
	if (path == NULL || strlen(path) >= sizeof(r->session))
		st = malformed(doing);
	else
		memcpy(r->session, path, strlen(path) + 1);
	d->message_unref(reply);
	return st;
}

static bool
append_pair(const struct dbus_lib *d, DBusMessageIter *dict, const char *key,
    const char *value)
{
	DBusMessageIter e;

	return d->message_iter_open_container(
	           dict, DBUS_TYPE_DICT_ENTRY, NULL, &e) &&
	       d->message_iter_append_basic(&e, DBUS_TYPE_STRING, &key) &&
	       d->message_iter_append_basic(&e, DBUS_TYPE_STRING, &value) &&
	       d->message_iter_close_container(dict, &e);
}

/* The profile's items, as the service lists them: unlocked, then locked. */
struct found {
	char **unlocked, **locked;
	int n_unlocked, n_locked;
};

static const char *
found_at(const struct found *f, int i)
{
	return i < f->n_unlocked ? f->unlocked[i]
	                         : f->locked[i - f->n_unlocked];
}

static void
found_free(const struct dbus_lib *d, struct found *f)
{
	if (f->unlocked)
		d->free_string_array(f->unlocked);
	if (f->locked)
		d->free_string_array(f->locked);
	memset(f, 0, sizeof(*f));
}

static enum ac_status
search(struct reader *r, const char *profile, struct found *f)
{
	const struct dbus_lib *d = r->d;
	DBusMessage *m = bus_method(&r->bus, SECRET_SERVICE_PATH,
	    SECRET_IFACE("Service"), "SearchItems");
	DBusMessage *reply;
	DBusMessageIter it, dict;
	DBusError e;
	const char *doing = "searching the keyring";
	enum ac_status st;

	memset(f, 0, sizeof(*f));
	if (m)
		d->message_iter_init_append(m, &it);
	st = bus_call_built(&r->bus, m,
	    m &&
	        d->message_iter_open_container(
	            &it, DBUS_TYPE_ARRAY, "{ss}", &dict) &&
	        append_pair(d, &dict, ATTRS_SCHEMA_KEY, ATTRS_SCHEMA_NAME) &&
	        append_pair(d, &dict, "profile", profile) &&
	        d->message_iter_close_container(&it, &dict),
	    &reply, doing);
	if (st == BUS_VANISHED)
		return keyring_no_service();
	if (st != AC_OK)
		return st;
	d->error_init(&e);
	if (!d->message_get_args(reply, &e, DBUS_TYPE_ARRAY,
	        DBUS_TYPE_OBJECT_PATH, &f->unlocked, &f->n_unlocked,
	        DBUS_TYPE_ARRAY, DBUS_TYPE_OBJECT_PATH, &f->locked,
	        &f->n_locked, DBUS_TYPE_INVALID)) {
		d->error_free(&e);
		memset(f, 0, sizeof(*f));
		st = malformed(doing);
	}
	d->message_unref(reply);
	return st;
}

/* Point v at the value of property name in a GetAll reply. */
static bool
find_property(const struct dbus_lib *d, DBusMessage *reply, const char *name,
    DBusMessageIter *v)
{
	DBusMessageIter it, dict, entry;
	const char *key;

	if (!d->message_iter_init(reply, &it) ||
	    d->message_iter_get_arg_type(&it) != DBUS_TYPE_ARRAY ||
	    d->message_iter_get_element_type(&it) != DBUS_TYPE_DICT_ENTRY)
		return false;
	for (d->message_iter_recurse(&it, &dict);
	     d->message_iter_get_arg_type(&dict) == DBUS_TYPE_DICT_ENTRY;
	     d->message_iter_next(&dict)) {
		d->message_iter_recurse(&dict, &entry);
		if (d->message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING)
			return false;
		d->message_iter_get_basic(&entry, &key);
		if (strcmp(key, name) != 0 || !d->message_iter_next(&entry) ||
		    d->message_iter_get_arg_type(&entry) != DBUS_TYPE_VARIANT)
			continue;
		d->message_iter_recurse(&entry, v);
		return true;
	}
	return false;
}

static enum ac_status
properties(struct reader *r, const char *path, DBusMessage **reply)
{
	const char *iface = SECRET_IFACE("Item");
	DBusMessage *m = r->d->message_new_method_call(
	    SECRET_SERVICE_NAME, path, PROPERTIES, "GetAll");

	return bus_call_built(&r->bus, m,
	    m && r->d->message_append_args(
	             m, DBUS_TYPE_STRING, &iface, DBUS_TYPE_INVALID),
	    reply, "reading the keyring item");
}

/* The value of attribute key of the item, or NULL. */
static const char *
attribute(const struct dbus_lib *d, DBusMessage *props, const char *key)
{
	DBusMessageIter v, dict, entry;
	const char *k, *value;

	if (!find_property(d, props, "Attributes", &v) ||
	    d->message_iter_get_arg_type(&v) != DBUS_TYPE_ARRAY)
		return NULL;
	for (d->message_iter_recurse(&v, &dict);
	     d->message_iter_get_arg_type(&dict) == DBUS_TYPE_DICT_ENTRY;
	     d->message_iter_next(&dict)) {
		d->message_iter_recurse(&dict, &entry);
		if (d->message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING)
			return NULL;
		d->message_iter_get_basic(&entry, &k);
		if (strcmp(k, key) != 0 || !d->message_iter_next(&entry) ||
		    d->message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING)
			continue;
		d->message_iter_get_basic(&entry, &value);
		return value;
	}
	return NULL;
}

static long long
age(const struct dbus_lib *d, DBusMessage *props)
{
	DBusMessageIter v;
	dbus_uint64_t modified = 0;

	if (find_property(d, props, "Modified", &v) &&
	    d->message_iter_get_arg_type(&v) == DBUS_TYPE_UINT64)
		d->message_iter_get_basic(&v, &modified);
	return cred_attrs_age(attribute(d, props, ATTRS_STORED_KEY), modified);
}

static bool
is_locked(const struct dbus_lib *d, DBusMessage *props)
{
	DBusMessageIter v;
	dbus_bool_t locked = TRUE;

	if (find_property(d, props, "Locked", &v) &&
	    d->message_iter_get_arg_type(&v) == DBUS_TYPE_BOOLEAN)
		d->message_iter_get_basic(&v, &locked);
	return locked;
}

/* Between a store and the removal of the item it replaced, a reader can
 * see two items; the newer one is the one being stored.  *path and
 * *props (unref it) are the newest's. */
static enum ac_status
newest(struct reader *r, const struct found *f, const char **path,
    DBusMessage **props)
{
	enum ac_status st = AC_OK;
	long long best = 0;
	DBusMessage *p;

	*props = NULL;
	for (int i = 0; i < f->n_unlocked + f->n_locked; i++) {
		st = properties(r, found_at(f, i), &p);
		if (st != AC_OK)
			break;
		if (*props && !cred_attrs_newer(
		                  age(r->d, p), found_at(f, i), best, *path)) {
			r->d->message_unref(p);
			continue;
		}
		if (*props)
			r->d->message_unref(*props);
		*props = p;
		*path = found_at(f, i);
		best = age(r->d, p);
	}
	if (st != AC_OK && *props) {
		r->d->message_unref(*props);
		*props = NULL;
	}
	return st;
}

static enum ac_status
bad_item(void)
{
	return malformed("reading the keyring item");
}

/* Fill c from the item's attributes; AC_NOTFOUND for another schema. */
static enum ac_status
attributes(const struct dbus_lib *d, DBusMessage *props, struct cred *c)
{
	DBusMessageIter v, dict, entry;
	const char *key, *value;
	bool ours = false;
	enum ac_status st = AC_OK;

	if (!find_property(d, props, "Attributes", &v) ||
	    d->message_iter_get_arg_type(&v) != DBUS_TYPE_ARRAY)
		return bad_item();
	for (d->message_iter_recurse(&v, &dict);
	     st == AC_OK &&
	     d->message_iter_get_arg_type(&dict) == DBUS_TYPE_DICT_ENTRY;
	     d->message_iter_next(&dict)) {
		d->message_iter_recurse(&dict, &entry);
		if (d->message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING)
			return bad_item();
		d->message_iter_get_basic(&entry, &key);
		if (!d->message_iter_next(&entry) ||
		    d->message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING)
			return bad_item();
		d->message_iter_get_basic(&entry, &value);
		if (strcmp(key, ATTRS_SCHEMA_KEY) == 0)
			ours = strcmp(value, ATTRS_SCHEMA_NAME) == 0;
		else
			st = cred_attr_set(c, key, value);
	}
	if (st == AC_OK && !ours)
		return AC_NOTFOUND;
	return st == AC_OK ? cred_attrs_done(c) : st;
}

/* Show the prompt the service asked for and wait for its verdict; at the
 * deadline, dismiss it, so that no dialog outlives the request. */
static enum ac_status
prompt(struct reader *r, const char *path, const char *profile)
{
	const char *window = "", *doing = "waiting for the unlock prompt";
	DBusMessage *m, *reply = NULL, *done = NULL;
	DBusMessageIter it;
	dbus_bool_t dismissed = TRUE;
	enum ac_status st = bus_watch_signal(
	    &r->bus, path, SECRET_IFACE("Prompt"), "Completed");

	if (st == AC_OK) {
		m = bus_method(&r->bus, path, SECRET_IFACE("Prompt"), "Prompt");
		st = bus_call_built(&r->bus, m,
		    m && r->d->message_append_args(
		             m, DBUS_TYPE_STRING, &window, DBUS_TYPE_INVALID),
		    &reply, doing);
	}
	if (reply)
		r->d->message_unref(reply);
	if (st == AC_OK)
		st = bus_wait_signal(&r->bus, &done, doing);
	if (st == AC_KEYRING)
		bus_send_last(&r->bus,
		    bus_method(
		        &r->bus, path, SECRET_IFACE("Prompt"), "Dismiss"),
		    DISMISS_GRACE_MS);
	if (st != AC_OK)
		return st;
	if (r->d->message_iter_init(done, &it) &&
	    r->d->message_iter_get_arg_type(&it) == DBUS_TYPE_BOOLEAN)
		r->d->message_iter_get_basic(&it, &dismissed);
	r->d->message_unref(done);
	return dismissed ? keyring_locked(profile) : AC_OK;
}

/* A locked item is unlocked only once the filter has accepted it, so a
 * request for another host never raises an unlock prompt. */
static enum ac_status
unlock(struct reader *r, const char *path, const char *profile)
{
	const struct dbus_lib *d = r->d;
	DBusMessage *reply, *m = bus_method(&r->bus, SECRET_SERVICE_PATH,
	                        SECRET_IFACE("Service"), "Unlock");
	DBusError e;
	char **done = NULL;
	const char *wait = NULL, **one = &path;
	int n = 0;
	enum ac_status st = bus_call_built(&r->bus, m,
	    m && d->message_append_args(m, DBUS_TYPE_ARRAY,
	             DBUS_TYPE_OBJECT_PATH, &one, 1, DBUS_TYPE_INVALID),
	    &reply, "unlocking the keyring");

	if (st != AC_OK)
		return st;
	d->error_init(&e);
	if (!d->message_get_args(reply, &e, DBUS_TYPE_ARRAY,
	        DBUS_TYPE_OBJECT_PATH, &done, &n, DBUS_TYPE_OBJECT_PATH, &wait,
	        DBUS_TYPE_INVALID)) {
		d->error_free(&e);
		st = malformed("unlocking the keyring");
	} else if (n == 0 && strcmp(wait, "/") == 0)
		st = keyring_locked(profile);
	else if (n == 0)
		st = prompt(r, wait, profile);
	if (done)
		d->free_string_array(done);
	d->message_unref(reply);
	return st;
}

/* The secret value of a GetSecret reply, (o session, ay parameters,
 * ay value, s content type), into c. */
static enum ac_status
take_value(const struct dbus_lib *d, DBusMessage *reply, struct cred *c)
{
	DBusMessageIter it, secret, value;
	unsigned char *bytes = NULL; /* into the message, which we own */
	int len = 0;
	enum ac_status st;

	if (!d->message_iter_init(reply, &it) ||
	    d->message_iter_get_arg_type(&it) != DBUS_TYPE_STRUCT)
		return bad_item();
	d->message_iter_recurse(&it, &secret);
	if (d->message_iter_get_arg_type(&secret) != DBUS_TYPE_OBJECT_PATH ||
	    !d->message_iter_next(&secret) || !d->message_iter_next(&secret) ||
	    d->message_iter_get_arg_type(&secret) != DBUS_TYPE_ARRAY ||
	    d->message_iter_get_element_type(&secret) != DBUS_TYPE_BYTE)
		return bad_item();
	d->message_iter_recurse(&secret, &value);
	d->message_iter_get_fixed_array(&value, &bytes, &len);
	st = cred_attr_take_token(c, (const char *)bytes, (size_t)len);
	/* The message is about to be freed: wipe its copy of the secret. */
	if (len > 0)
		explicit_bzero(bytes, (size_t)len);
	return st;
}

static enum ac_status
read_secret(struct reader *r, const char *path, struct cred *c)
{
	const char *session = r->session;
	DBusMessage *reply,
	    *m = bus_method(&r->bus, path, SECRET_IFACE("Item"), "GetSecret");
	enum ac_status st = bus_call_built(&r->bus, m,
	    m && r->d->message_append_args(
	             m, DBUS_TYPE_OBJECT_PATH, &session, DBUS_TYPE_INVALID),
	    &reply, "reading the credential");

	if (st != AC_OK)
		return st;
	st = take_value(r->d, reply, c);
	r->d->message_unref(reply);
	return st;
}

static enum ac_status
get_once(struct reader *r, const char *profile, const struct store_filter *f,
    struct cred *out)
{
	struct found items;
	DBusMessage *props = NULL;
	const char *path = NULL;
	enum ac_status st = search(r, profile, &items);

	if (st == AC_OK && items.n_unlocked + items.n_locked == 0)
		st = AC_NOTFOUND;
	if (st == AC_OK)
		st = newest(r, &items, &path, &props);
	cred_clear(out); /* a retry must not keep the last item's fields */
	if (st == AC_OK)
		st = attributes(r->d, props, out);
	if (st == AC_OK && f && !f->accept(out, f->arg))
		st = AC_NOTFOUND;
	if (st == AC_OK && is_locked(r->d, props))
		st = unlock(r, path, out->profile);
	if (st == AC_OK)
		st = read_secret(r, path, out);
	if (props)
		r->d->message_unref(props);
	found_free(r->d, &items);
	return st;
}

/* Readers do not take the store lock, so logins in a tight loop can keep
 * replacing the item under one; the last try waits for the writers. */
static enum ac_status
get_locked(struct reader *r, const char *profile, const struct store_filter *f,
    struct cred *out)
{
	int lock;
	enum ac_status st = store_lock(keyring_timeout_seconds(), &lock);

	if (st != AC_OK)
		return st;
	bus_restart_clock(&r->bus); /* the wait for the lock was not the
	                               service's */
	st = get_once(r, profile, f, out);
	store_unlock(lock);
	return st;
}

static enum ac_status
bus_get(const char *profile, const struct store_filter *f, struct cred *out)
{
	struct reader r = {0};
	char name[GRAMMAR_PROFILE_MAX + 1];
	enum ac_status st = bus_open(&r.bus);

	if (st != AC_OK)
		return st;
	/* profile may be out's own, which each attempt clears */
	snprintf(name, sizeof(name), "%s", profile);
	r.d = r.bus.d;
	st = bus_meet_service(&r.bus);
	if (st == AC_OK)
		st = open_session(&r);
	/* A concurrent store replaces items; start again from the search. */
	for (int i = 0; st == AC_OK && i < ATTEMPTS; i++) {
		st = get_once(&r, name, f, out);
		if (st != BUS_VANISHED)
			break;
		if (i + 1 < ATTEMPTS) /* try again; after the last, locked */
			st = AC_OK;
	}
	if (st == BUS_VANISHED)
		st = get_locked(&r, name, f, out);
	bus_close(&r.bus);
	if (st == BUS_VANISHED)
		st = keyring_kept_changing();
	if (st != AC_OK)
		cred_clear(out);
	return st;
}

const struct store_backend *
store_bus_reader(void)
{
	static const struct store_backend backend = {
	    "secret-service", bus_get, NULL, NULL, NULL};

	return &backend;
}
