/*
 * One "user" key per profile, described "anyreach-cred:<profile>", in the
 * persistent keyring of our uid.  Its payload holds the attributes and
 * the token as key=value lines, token last; every line is validated when
 * read back, as Secret Service items are.  add_key() on an existing
 * description replaces the payload in one step, so a failed store leaves
 * the old credential.  Raw system calls: libkeyutils would be one more
 * library loaded by every get.
 */
#include <errno.h>
#include <linux/keyctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../protocol/buf.h"
#include "cred_attrs.h"
#include "keyring_report.h"
#include "msg.h"
#include "store_kernel.h"
#include "store_lock.h"
#include "xalloc.h"

#define PREFIX "anyreach-cred:"
#define PAYLOAD_MAX 8192
#define NAME "kernel keyring (persistent)"

typedef int32_t key_serial_t;

static long
keyctl(
    int op, unsigned long a, unsigned long b, unsigned long c, unsigned long d)
{
	return syscall(SYS_keyctl, op, a, b, c, d);
}

/* The persistent keyring, linked into this process's own keyring (so we
 * possess it for as long as we run, and touch no other keyring). */
static enum ac_status
persistent(key_serial_t *out)
{
	long id = keyctl(KEYCTL_GET_PERSISTENT, (unsigned long)-1,
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
	long id = keyctl(KEYCTL_GET_PERSISTENT, (unsigned long)-1,
	    (unsigned long)KEY_SPEC_PROCESS_KEYRING, 0, 0);

	return id < 0 ? strerror(errno) : NULL;
}

static enum ac_status
malformed(void)
{
	return fail(AC_INVALID,
	    "a kernel keyring entry of ours is malformed; log in again");
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
	long id;

	if (!grammar_is_profile(profile, strlen(profile)))
		return fail(AC_INVALID, "not a valid profile name");
	describe(profile, desc, sizeof(desc));
	id = keyctl(KEYCTL_SEARCH, (unsigned long)ring, (unsigned long)"user",
	    (unsigned long)desc, 0);
	if (id >= 0) {
		*key = (key_serial_t)id;
		return AC_OK;
	}
	if (errno == ENOKEY || errno == EKEYEXPIRED || errno == EKEYREVOKED)
		return AC_NOTFOUND;
	return fail(AC_KEYRING, "cannot search the kernel keyring: %s",
	    strerror(errno));
}

/* The payload of key, NUL-terminated, into p (PAYLOAD_MAX + 1 bytes). */
static enum ac_status
read_payload(key_serial_t key, char *p)
{
	long n = keyctl(
	    KEYCTL_READ, (unsigned long)key, (unsigned long)p, PAYLOAD_MAX, 0);

	if (n < 0 && (errno == ENOKEY || errno == EKEYREVOKED))
		return AC_NOTFOUND;
	if (n < 0)
		return fail(AC_KEYRING, "cannot read the kernel keyring: %s",
		    strerror(errno));
	if (n > PAYLOAD_MAX || memchr(p, '\0', (size_t)n))
		return malformed();
	p[n] = '\0';
	return AC_OK;
}

/* Fill c from the payload's attribute lines; *token points at the value
 * of its last line, "token=...". */
static enum ac_status
parse(char *p, struct cred *c, const char **token)
{
	enum ac_status st = AC_OK;
	char *line = p, *eq, *end;

	*token = NULL;
	while (st == AC_OK && *line && *token == NULL) {
		end = strchr(line, '\n');
		eq = strchr(line, '=');
		if (end == NULL || eq == NULL || eq > end)
			return malformed();
		*end = *eq = '\0';
		if (strcmp(line, "token") == 0)
			*token = eq + 1;
		else
			st = cred_attr_set(c, line, eq + 1);
		line = end + 1;
	}
	if (st == AC_OK && (*token == NULL || *line != '\0'))
		st = malformed();
	return st == AC_OK ? cred_attrs_done(c) : st;
}

/* Read profile's key into c; the token only if want_token and the filter
 * (if any) accepts what is kept with it. */
static enum ac_status
load(const char *profile, const struct store_filter *f, bool want_token,
    struct cred *c)
{
	char *p = xcalloc(1, PAYLOAD_MAX + 1);
	const char *token = NULL;
	key_serial_t ring = 0, key = 0;
	enum ac_status st = persistent(&ring);

	if (st == AC_OK)
		st = find(ring, profile, &key);
	if (st == AC_OK)
		st = read_payload(key, p);
	cred_clear(c);
	if (st == AC_OK)
		st = parse(p, c, &token);
	if (st == AC_OK && strcmp(c->profile, profile) != 0)
		st = malformed();
	if (st == AC_OK && f && !f->accept(c, f->arg))
		st = AC_NOTFOUND;
	if (st == AC_OK && want_token)
		st = cred_attr_take_token(c, token, strlen(token));
	explicit_bzero(p, PAYLOAD_MAX + 1);
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

static void
add_line(struct buf *b, const char *key, const char *value, bool *ok)
{
	if (value && *value)
		*ok = *ok && buf_adds(b, key) == 0 && buf_adds(b, "=") == 0 &&
		      buf_adds(b, value) == 0 && buf_adds(b, "\n") == 0;
}

static bool
payload(const struct cred *c, struct buf *b)
{
	char ms[24] = "";
	bool ok = true;

	if (c->expires_ms > 0)
		snprintf(ms, sizeof(ms), "%lld", c->expires_ms);
	add_line(b, "profile", c->profile, &ok);
	add_line(b, "api", c->api, &ok);
	add_line(b, "kind", cred_kind_name(c->kind), &ok);
	add_line(b, "org", c->org, &ok);
	add_line(b, "key_id", c->key_id, &ok);
	add_line(b, "expires_at", ms, &ok);
	add_line(b, "token", c->token, &ok);
	return ok;
}

static enum ac_status
k_put(const struct cred *c)
{
	struct buf b = BUF_INIT(PAYLOAD_MAX);
	char desc[sizeof(PREFIX) + GRAMMAR_PROFILE_MAX];
	key_serial_t ring = 0;
	int lock;
	enum ac_status st = store_lock(keyring_timeout_seconds(), &lock);

	if (st != AC_OK)
		return st;
	st = persistent(&ring);
	describe(c->profile, desc, sizeof(desc));
	if (st == AC_OK && !payload(c, &b))
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
	    keyctl(KEYCTL_INVALIDATE, (unsigned long)key, 0, 0, 0) < 0 &&
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

/* The profile a key of ours is for, from its description
 * "type;uid;gid;perm;description", or NULL. */
static const char *
profile_of(key_serial_t key, char *desc, size_t size)
{
	long n = keyctl(KEYCTL_DESCRIBE, (unsigned long)key,
	    (unsigned long)desc, size - 1, 0);
	const char *name;

	if (n < 0 || (size_t)n >= size)
		return NULL;
	desc[n] = '\0';
	name = strrchr(desc, ';');
	if (strncmp(desc, "user;", 5) != 0 || name == NULL ||
	    strncmp(name + 1, PREFIX, strlen(PREFIX)) != 0)
		return NULL;
	return name + 1 + strlen(PREFIX);
}

/* The keys linked into ring (as many as it holds; other programs may
 * keep theirs there too): *n of them, free() the array. */
static enum ac_status
ring_keys(key_serial_t ring, key_serial_t **keys, size_t *n)
{
	long size = keyctl(KEYCTL_READ, (unsigned long)ring, 0, 0, 0), got;

	*keys = NULL;
	*n = 0;
	for (int attempt = 0; size >= 0 && attempt < 3; attempt++) {
		free(*keys);
		*keys = xcalloc((size_t)size + sizeof(**keys), 1);
		got = keyctl(KEYCTL_READ, (unsigned long)ring,
		    (unsigned long)*keys, (unsigned long)size, 0);
		if (got >= 0 && got <= size) {
			*n = (size_t)got / sizeof(**keys);
			return AC_OK;
		}
		size = got; /* it grew meanwhile */
	}
	free(*keys);
	*keys = NULL;
	return fail(
	    AC_KEYRING, "cannot list the kernel keyring: %s", strerror(errno));
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

	if (st == AC_OK)
		st = ring_keys(ring, &keys, &n);
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
