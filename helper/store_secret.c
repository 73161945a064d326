/*
 * The Secret Service backend, through libsecret.  One item per profile in
 * the default collection, schema ai.anyreach.Credential, checked on every
 * item read back.  Every call runs under the keyring deadline.
 */
#include <stdlib.h>
#include <string.h>

#include "keyring_deadline.h"
#include "keyring_error.h"
#include "msg.h"
#include "secret_attrs.h"
#include "store.h"
#include "store_lock.h"
#include "xalloc.h"

/* Not an exit status: an item vanished under us (see keyring_vanished),
 * and the operation is worth running again from the search. */
#define VANISHED ((enum ac_status)100)
#define ATTEMPTS 5

struct session {
	SecretService *svc;
	GCancellable *cancel;
};

static enum ac_status
session_open(SecretServiceFlags flags, struct session *s)
{
	GError *err = NULL;
	enum ac_status st = keyring_check_bus();

	if (st != AC_OK)
		return st;
	s->cancel = deadline_start();
	s->svc = secret_service_get_sync(flags, s->cancel, &err);
	if (s->svc == NULL) {
		deadline_stop();
		return keyring_fail(err, "connecting to the Secret Service");
	}
	return AC_OK;
}

static void
session_close(struct session *s)
{
	if (s->svc)
		g_object_unref(s->svc);
	s->svc = NULL;
	deadline_stop();
}

static enum ac_status
call_failed(GError *err, const char *doing)
{
	if (keyring_vanished(err)) {
		g_error_free(err);
		return VANISHED;
	}
	return keyring_fail(err, doing);
}

static bool
has_our_schema(SecretItem *item)
{
	gchar *name = secret_item_get_schema_name(item);
	bool ours = name && strcmp(name, ATTRS_SCHEMA_NAME) == 0;

	g_free(name);
	return ours;
}

/* Items of our schema for profile (NULL: all profiles). */
static enum ac_status
search(struct session *s, const char *profile, SecretSearchFlags flags,
    GList **out)
{
	GHashTable *pattern = attrs_for_profile(profile);
	GError *err = NULL;
	GList *all;

	all = secret_service_search_sync(s->svc, attrs_schema(), pattern,
	    flags | SECRET_SEARCH_ALL, s->cancel, &err);
	g_hash_table_unref(pattern);
	if (err)
		return call_failed(err, "searching the keyring");
	*out = NULL;
	for (GList *l = all; l; l = l->next)
		if (has_our_schema(l->data))
			*out = g_list_prepend(*out, g_object_ref(l->data));
	g_list_free_full(all, g_object_unref);
	return AC_OK;
}

/* What an operation does with the items of its search. */
typedef enum ac_status (*items_fn)(struct session *s, GList *items, void *arg);

/* Open a session, search (profile NULL: every profile), hand the items to
 * fn, and release everything. */
static enum ac_status
with_items(SecretServiceFlags service_flags, const char *profile,
    SecretSearchFlags search_flags, items_fn fn, void *arg)
{
	struct session s;
	GList *items = NULL;
	enum ac_status st = session_open(service_flags, &s);

	if (st != AC_OK)
		return st;
	/* A concurrent store replaces items; start again from the search. */
	for (int i = 0; i == 0 || (st == VANISHED && i < ATTEMPTS); i++) {
		st = search(&s, profile, search_flags, &items);
		if (st == AC_OK)
			st = fn(&s, items, arg);
		g_list_free_full(items, g_object_unref);
		items = NULL;
	}
	session_close(&s);
	return st;
}

static enum ac_status
settled(enum ac_status st)
{
	return st == VANISHED ? keyring_kept_changing() : st;
}

static long long
age(SecretItem *item)
{
	GHashTable *attrs = secret_item_get_attributes(item);
	long long a =
	    cred_attrs_age(g_hash_table_lookup(attrs, ATTRS_STORED_KEY),
	        secret_item_get_modified(item));

	g_hash_table_unref(attrs);
	return a;
}

/* Between a store and the removal of the item it replaced, a reader can
 * see two items; the newer one is the one being stored. */
static SecretItem *
newest(GList *items)
{
	SecretItem *best = NULL;
	long long best_age = 0;

	for (GList *l = items; l; l = l->next) {
		long long a = age(l->data);
		if (best == NULL ||
		    cred_attrs_newer(a, g_dbus_proxy_get_object_path(l->data),
		        best_age,
		        g_dbus_proxy_get_object_path(G_DBUS_PROXY(best)))) {
			best = l->data;
			best_age = a;
		}
	}
	return best;
}

static enum ac_status
take_secret(SecretItem *item, struct cred *out)
{
	SecretValue *value = secret_item_get_secret(item);
	const char *bytes;
	gsize len = 0;
	enum ac_status st;

	if (value == NULL)
		return keyring_locked(out->profile);
	bytes = secret_value_get(value, &len);
	st = cred_attr_take_token(out, bytes, len);
	secret_value_unref(value);
	return st;
}

/* A locked item is unlocked only once the filter has accepted it, so a
 * request for another host never raises an unlock prompt. */
static enum ac_status
unlock_item(struct session *s, SecretItem *item, const char *profile)
{
	GList one = {item, NULL, NULL};
	GError *err = NULL;
	gint unlocked;

	if (!secret_item_get_locked(item))
		return AC_OK;
	unlocked =
	    secret_service_unlock_sync(s->svc, &one, s->cancel, NULL, &err);
	if (err)
		return keyring_fail(err, "unlocking the keyring");
	return unlocked == 1 ? AC_OK : keyring_locked(profile);
}

static enum ac_status
read_item(struct session *s, SecretItem *item, const struct store_filter *f,
    struct cred *out)
{
	GHashTable *attrs = secret_item_get_attributes(item);
	enum ac_status st;
	GError *err = NULL;

	cred_clear(out); /* a retry must not keep the last item's fields */
	st = attrs_to_cred(attrs, out);
	g_hash_table_unref(attrs);
	if (st == AC_OK && f && !f->accept(out, f->arg))
		st = AC_NOTFOUND;
	if (st == AC_OK)
		st = unlock_item(s, item, out->profile);
	if (st == AC_OK && !secret_item_load_secret_sync(item, s->cancel, &err))
		st = call_failed(err, "reading the credential");
	return st == AC_OK ? take_secret(item, out) : st;
}

struct get_job {
	const struct store_filter *filter;
	struct cred *out;
};

static enum ac_status
get_newest(struct session *s, GList *items, void *arg)
{
	struct get_job *job = arg;

	if (items == NULL)
		return AC_NOTFOUND;
	return read_item(s, newest(items), job->filter, job->out);
}

static enum ac_status
read_newest(const char *profile, struct get_job *job)
{
	return with_items(SECRET_SERVICE_OPEN_SESSION, profile,
	    SECRET_SEARCH_NONE, get_newest, job);
}

/* Readers do not take the store lock, so logins in a tight loop can keep
 * replacing the item under one; the last try waits for the writers. */
static enum ac_status
read_newest_locked(const char *profile, struct get_job *job)
{
	int lock;
	enum ac_status st = store_lock(deadline_seconds(), &lock);

	if (st != AC_OK)
		return st;
	st = read_newest(profile, job);
	store_unlock(lock);
	return st;
}

static enum ac_status
ss_get(const char *profile, const struct store_filter *f, struct cred *out)
{
	struct get_job job = {f, out};
	enum ac_status st = read_newest(profile, &job);

	if (st == VANISHED)
		st = read_newest_locked(profile, &job);
	st = settled(st);
	if (st != AC_OK)
		cred_clear(out);
	return st;
}

static enum ac_status
delete_items(
    struct session *s, GList *items, GHashTable *keep, const char *doing)
{
	for (GList *l = items; l; l = l->next) {
		GHashTable *attrs = secret_item_get_attributes(l->data);
		bool spare = keep && attrs_equal(attrs, keep);
		GError *err = NULL;

		g_hash_table_unref(attrs);
		if (spare || secret_item_delete_sync(l->data, s->cancel, &err))
			continue;
		if (!keyring_gone(err)) /* gone already is what we want */
			return keyring_fail(err, doing);
		g_error_free(err);
	}
	return AC_OK;
}

/* Remove the profile's other items.  The new one is stored by now and is
 * the newest, which is what every reader takes: a failure here leaves a
 * stale item behind, not a wrong credential, so it is a warning. */
static void
prune(struct session *s, const char *profile, GHashTable *attrs)
{
	GList *items = NULL;
	enum ac_status st = AC_OK;

	for (int i = 0; st == AC_OK || (st == VANISHED && i < ATTEMPTS); i++) {
		st = search(s, profile, SECRET_SEARCH_NONE, &items);
		if (st == AC_OK)
			st = delete_items(
			    s, items, attrs, "removing the replaced item");
		g_list_free_full(items, g_object_unref);
		items = NULL;
		if (st == AC_OK)
			break;
	}
	if (st != AC_OK)
		note(
		    "the new credential of profile '%s' is stored and in use, "
		    "but an old item may remain in the keyring; 'anyreach-cred "
		    "login' again removes it",
		    profile);
}

/* The new item is created (replacing one with identical attributes) before
 * any other item of the profile is removed, so a failed store leaves the
 * old credential in place. */
static enum ac_status
store_and_prune(struct session *s, const struct cred *c)
{
	GHashTable *attrs = attrs_from_cred(c);
	SecretValue *value = secret_value_new(c->token, -1, "text/plain");
	gchar *label = g_strdup_printf("Anyreach credential (%s)", c->profile);
	GError *err = NULL;
	enum ac_status st = AC_OK;

	if (!secret_service_store_sync(s->svc, attrs_schema(), attrs,
	        SECRET_COLLECTION_DEFAULT, label, value, s->cancel, &err))
		st = keyring_fail(err, "storing the credential");
	else
		prune(s, c->profile, attrs);
	g_free(label);
	secret_value_unref(value);
	g_hash_table_unref(attrs);
	return st;
}

static enum ac_status
ss_put(const struct cred *c)
{
	struct session s;
	int lock;
	enum ac_status st = store_lock(deadline_seconds(), &lock);

	if (st != AC_OK)
		return st;
	st = session_open(SECRET_SERVICE_OPEN_SESSION, &s);
	if (st == AC_OK) {
		st = store_and_prune(&s, c);
		session_close(&s);
	}
	store_unlock(lock);
	return st;
}

/* Whether the item's secret is token (constant time). */
static bool
holds(SecretItem *item, const char *token)
{
	SecretValue *value = secret_item_get_secret(item);
	const gchar *text = value ? secret_value_get_text(value) : NULL;
	bool same = text && cred_token_equal(text, token);

	if (value)
		secret_value_unref(value);
	return same;
}

/* What an erase removes: every item, or those holding one token. */
struct erase_job {
	const char *only_if;
};

static enum ac_status
erase_matching(struct session *s, GList *items, void *arg)
{
	const struct erase_job *job = arg;
	GList *doomed = NULL;
	enum ac_status st;

	for (GList *l = items; l; l = l->next)
		if (job->only_if == NULL || holds(l->data, job->only_if))
			doomed = g_list_prepend(doomed, l->data);
	st = doomed ? delete_items(s, doomed, NULL, "removing the credential")
	            : AC_NOTFOUND;
	g_list_free(doomed);
	return st;
}

/* Under the store lock, so that a compare-and-erase cannot remove a token
 * that a concurrent store has just put in place. */
static enum ac_status
ss_erase(const char *profile, const char *only_if)
{
	struct erase_job job = {only_if};
	int lock;
	enum ac_status st = store_lock(deadline_seconds(), &lock);

	if (st != AC_OK)
		return st;
	st = with_items(
	    only_if ? SECRET_SERVICE_OPEN_SESSION : SECRET_SERVICE_NONE,
	    profile,
	    SECRET_SEARCH_UNLOCK | (only_if ? SECRET_SEARCH_LOAD_SECRETS : 0),
	    erase_matching, &job);
	store_unlock(lock);
	return settled(st);
}

static int
by_profile(const void *a, const void *b)
{
	return strcmp(((const struct cred *)a)->profile,
	    ((const struct cred *)b)->profile);
}

/* Items whose attributes do not validate are reported and left out. */
static enum ac_status
collect(struct session *s, GList *items, void *arg)
{
	struct cred_list *out = arg;

	(void)s;
	out->v = xcalloc(g_list_length(items), sizeof(*out->v));
	for (GList *l = items; l; l = l->next) {
		GHashTable *attrs = secret_item_get_attributes(l->data);
		if (attrs_to_cred(attrs, &out->v[out->n]) == AC_OK)
			out->n++;
		else
			cred_clear(&out->v[out->n]);
		g_hash_table_unref(attrs);
	}
	qsort(out->v, out->n, sizeof(*out->v), by_profile);
	return AC_OK;
}

static enum ac_status
ss_list(struct cred_list *out)
{
	return settled(with_items(
	    SECRET_SERVICE_NONE, NULL, SECRET_SEARCH_NONE, collect, out));
}

const struct store_backend *
store_secret_service(void)
{
	static const struct store_backend backend = {
	    "secret-service", ss_get, ss_put, ss_erase, ss_list};

	return &backend;
}
