/*
 * One "user" key per profile, described "anyreach-cred:<profile>", in the
 * persistent keyring of our uid, holding the attributes and the token
 * (kernel_payload.h).  add_key() on an existing description replaces the
 * payload in one step, so a failed store leaves the old credential.
 */
#include <errno.h>
#include <linux/keyctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kernel_key.h"
#include "kernel_payload.h"
#include "keyring_report.h"
#include "msg.h"
#include "store_kernel.h"
#include "store_lock.h"
#include "xalloc.h"

#define PREFIX "anyreach-cred:"
#define NAME "kernel keyring (persistent)"

/* The persistent keyring, linked into this process's own keyring (so we
 * possess it for as long as we run, and touch no other keyring). */
static enum ac_status
persistent(key_serial_t *out)
{
	long id = kkey_ctl(KEYCTL_GET_PERSISTENT, (unsigned long)-1,
	    (unsigned long)KEY_SPEC_PROCESS_KEYRING, 0, 0);

	if (id < 0)
		return fail(AC_KEYRING,
		    "the kernel keyring cannot be used here (%s); containers "
		    "often forbid it: unset ANYREACH_STORE, or use "
		    "ANYREACH_TOKEN",
		    strerror(errno));
	*out = (key_serial_t)id;
	return AC_OK;
}

const char *
store_kernel_problem(void)
{
	long id = kkey_ctl(KEYCTL_GET_PERSISTENT, (unsigned long)-1,
	    (unsigned long)KEY_SPEC_PROCESS_KEYRING, 0, 0);

	return id < 0 ? strerror(errno) : NULL;
}

static void
describe(const char *profile, char *desc, size_t size)
{
	snprintf(desc, size, PREFIX "%s", profile);
}

/* The key of profile, or AC_NOTFOUND (silently). */
static enum ac_status
find(key_serial_t ring, const char *profile, key_serial_t *key)
{
	char desc[sizeof(PREFIX) + GRAMMAR_PROFILE_MAX];

	if (!grammar_is_profile(profile, strlen(profile)))
		return fail(AC_INVALID, "not a valid profile name");
	describe(profile, desc, sizeof(desc));
	*key = kkey_find(ring, desc);
	if (*key >= 0)
		return AC_OK;
	if (kkey_absent(errno))
		return AC_NOTFOUND;
	return fail(AC_KEYRING, "cannot search the kernel keyring: %s",
	    strerror(errno));
}

/* The payload of key, NUL-terminated, into p (KKEY_PAYLOAD_MAX + 1). */
static enum ac_status
read_payload(key_serial_t key, char *p)
{
	if (kkey_read(key, p) == 0)
		return AC_OK;
	if (kkey_absent(errno))
		return AC_NOTFOUND;
	if (errno == EMSGSIZE)
		return fail(AC_INVALID, "a kernel keyring entry of ours is "
		                        "malformed; log in again");
	return fail(
	    AC_KEYRING, "cannot read the kernel keyring: %s", strerror(errno));
}

/* Read profile's key into c; the token only if want_token and the filter
 * (if any) accepts what is kept with it. */
static enum ac_status
load(const char *profile, const struct store_filter *f, bool want_token,
    struct cred *c)
{
	char *p = xcalloc(1, KKEY_PAYLOAD_MAX + 1);
	key_serial_t ring = 0, key = 0;
	enum ac_status st = persistent(&ring);

	if (st == AC_OK)
		st = find(ring, profile, &key);
	if (st == AC_OK)
		st = read_payload(key, p);
	if (st == AC_OK)
		st = kpayload_read(p, profile, f, want_token, c);
	else
		cred_clear(c);
	explicit_bzero(p, KKEY_PAYLOAD_MAX + 1);
	free(p);
	return st;
}

static enum ac_status
k_get(const char *profile, const struct store_filter *f, struct cred *out)
{
	char name[GRAMMAR_PROFILE_MAX + 1];
	enum ac_status st;

	snprintf(name, sizeof(name), "%s", profile); /* out's own, cleared */
	st = load(name, f, true, out);
	if (st != AC_OK)
		cred_clear(out);
	return st;
}

static enum ac_status
k_put(const struct cred *c)
{
	struct buf b = BUF_INIT(KKEY_PAYLOAD_MAX);
	char desc[sizeof(PREFIX) + GRAMMAR_PROFILE_MAX];
	key_serial_t ring = 0;
	int lock;
	enum ac_status st = store_lock(keyring_timeout_seconds(), &lock);

	if (st != AC_OK)
		return st;
	st = persistent(&ring);
	describe(c->profile, desc, sizeof(desc));
	if (st == AC_OK && !kpayload_write(c, &b))
		st = fail(AC_INVALID, "the credential is too large for the "
		                      "kernel keyring");
	if (st == AC_OK &&
	    syscall(SYS_add_key, "user", desc, b.data, b.len, ring) < 0)
		st = fail(AC_KEYRING,
		    "cannot store in the kernel keyring: %s (a quota is in "
		    "/proc/sys/kernel/keys/maxbytes)",
		    strerror(errno));
	buf_release(&b);
	store_unlock(lock); /* see k_erase */
	return st;
}

/* Under the store lock, so that a compare-and-erase cannot remove a token
 * that a concurrent store has just put in place. */
static enum ac_status
k_erase(const char *profile, const char *only_if)
{
	struct cred c = {0};
	key_serial_t ring = 0, key = 0;
	int lock;
	enum ac_status st = store_lock(keyring_timeout_seconds(), &lock);

	if (st != AC_OK)
		return st;
	st = persistent(&ring);
	if (st == AC_OK && only_if) {
		st = load(profile, NULL, true, &c);
		if (st == AC_OK && !cred_token_equal(c.token, only_if))
			st = AC_NOTFOUND;
	}
	if (st == AC_OK)
		st = find(ring, profile, &key);
	if (st == AC_OK &&
	    kkey_ctl(KEYCTL_INVALIDATE, (unsigned long)key, 0, 0, 0) < 0 &&
	    errno != ENOKEY)
		st = fail(AC_KEYRING,
		    "cannot remove from the kernel keyring: %s",
		    strerror(errno));
	cred_clear(&c);
	store_unlock(lock);
	return st;
}

static int
by_profile(const void *a, const void *b)
{
	return strcmp(((const struct cred *)a)->profile,
	    ((const struct cred *)b)->profile);
}

/* The profile a key of ours is for, or NULL. */
static const char *
profile_of(key_serial_t key, char *desc, size_t size)
{
	const char *name = kkey_user_desc(key, desc, size);

	if (name == NULL || strncmp(name, PREFIX, strlen(PREFIX)) != 0)
		return NULL;
	return name + strlen(PREFIX);
}

/* Entries that do not validate are reported and left out. */
static enum ac_status
k_list(struct cred_list *out)
{
	key_serial_t ring = 0, *keys = NULL;
	char desc[512];
	const char *profile;
	size_t n = 0;
	enum ac_status st = persistent(&ring);

	if (st == AC_OK && kkey_list(ring, &keys, &n) < 0)
		st = fail(AC_KEYRING, "cannot list the kernel keyring: %s",
		    strerror(errno));
	if (st != AC_OK)
		return st;
	out->v = xcalloc(n + 1, sizeof(*out->v));
	for (size_t i = 0; i < n; i++) {
		profile = profile_of(keys[i], desc, sizeof(desc));
		if (profile && grammar_is_profile(profile, strlen(profile)) &&
		    load(profile, NULL, false, &out->v[out->n]) == AC_OK)
			out->n++;
		else
			cred_clear(&out->v[out->n]);
	}
	free(keys);
	qsort(out->v, out->n, sizeof(*out->v), by_profile);
	return AC_OK;
}

const struct store_backend *
store_kernel(void)
{
	static const struct store_backend backend = {
	    NAME, k_get, k_put, k_erase, k_list};

	return &backend;
}
