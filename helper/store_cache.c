/*
 * Entries are "user" keys described
 * "anyreach-cred-cache:<profile>:<bus>:<generation>".  <bus> is a hash
 * of the session bus address: an entry is only served on the bus whose
 * Secret Service it was read from (a second session, or a test suite's
 * private keyring, has its own).  The payload is the kernel store's
 * (kernel_payload.h), validated when read back.  An entry is made in this
 * process's own keyring, given its timeout and only then linked into the
 * user keyring, so that no entry is ever there without one.
 *
 * Coherence, without a lock (whose file depends on the environment, and
 * which a read waiting on a prompt would hold): the generation is a key
 * of its own in the user keyring, which every store and erase sets to a
 * fresh random value once it has changed the Secret Service.  A get reads
 * the generation first, looks only for an entry of that generation, and
 * files what it then read from the Secret Service under it.  A get that
 * began after a store finished therefore never finds an entry filled from
 * a read made before it, whatever the environment of either.  Each store
 * and erase also drops the profile's entries, before and after, so that
 * no old token stays in kernel memory.  Every failure of the cache falls
 * back to the Secret Service: it only ever saves time.
 */
#include <errno.h>
#include <linux/keyctl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expiry.h"
#include "kernel_key.h"
#include "kernel_payload.h"
#include "msg.h"
#include "store_cache.h"

#define PREFIX "anyreach-cred-cache:"
#define GEN_LEN 16
#define DESC_MAX (sizeof(PREFIX) + GRAMMAR_PROFILE_MAX + 1 + 16 + 1 + GEN_LEN)

/* Possessor: view, read, search, link, set timeout; the user: view and
 * search, which lets any process of ours invalidate it (not read it). */
#define ENTRY_PERM 0x3b090000u

#define GEN_DESC "anyreach-cred-cache-generation"
#define GEN_NONE "0000000000000000" /* before the first store */
/* Possessor: all but set timeout (no secret in it); the user: view. */
#define GEN_PERM 0x1f010000u

static const struct store_backend *inner;

/* Whole seconds, 0 to CACHE_TTL_MAX; -1 for anything else. */
static long
parse_ttl(const char *v)
{
	long n = 0;

	if (v == NULL || *v == '\0')
		return 0;
	if (strlen(v) > 4 || strspn(v, "0123456789") != strlen(v))
		return -1;
	n = strtol(v, NULL, 10);
	return n <= CACHE_TTL_MAX ? n : -1;
}

unsigned
store_cache_ttl(void)
{
	long n = parse_ttl(getenv("ANYREACH_CACHE_TTL"));

	return n > 0 ? (unsigned)n : 0;
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* A hash of where the Secret Service is reached, as keyring_check_bus()
 * and libsecret find it: the bus address, else the runtime directory. */
static uint64_t
bus_hash(void)
{
	const char *addr = getenv("DBUS_SESSION_BUS_ADDRESS");
	const char *run = getenv("XDG_RUNTIME_DIR");
	uint64_t h = 0xcbf29ce484222325u;

	if (addr && *addr)
		return fnv1a(fnv1a(h, "address="), addr);
	return fnv1a(fnv1a(h, "runtime="), run ? run : "");
}

static void
describe(const char *profile, const char *gen, char desc[DESC_MAX])
{
	snprintf(desc, DESC_MAX, PREFIX "%s:%016llx:%s", profile,
	    (unsigned long long)bus_hash(), gen);
}

/* The generation into gen (GEN_NONE before the first store); false when
 * it cannot be read, and then the cache is not used. */
static bool
generation(char gen[GEN_LEN + 1])
{
	char p[KKEY_PAYLOAD_MAX + 1];
	key_serial_t key = kkey_find(KEY_SPEC_USER_KEYRING, GEN_DESC);

	memcpy(gen, GEN_NONE, GEN_LEN + 1);
	if (key < 0)
		return kkey_absent(errno);
	if (kkey_read(key, p) < 0 || strlen(p) != GEN_LEN ||
	    strspn(p, "0123456789abcdef") != GEN_LEN)
		return false;
	memcpy(gen, p, GEN_LEN + 1);
	return true;
}

/* Serve profile from the cache's generation gen: true with *st the
 * answer (AC_NOTFOUND when the filter refuses it), false when there is
 * nothing to serve. */
static bool
cached(const char *profile, const char *gen, const struct store_filter *f,
    struct cred *out, enum ac_status *st)
{
	char desc[DESC_MAX], p[KKEY_PAYLOAD_MAX + 1];
	key_serial_t key;

	describe(profile, gen, desc);
	key = kkey_find(KEY_SPEC_USER_KEYRING, desc);
	if (key < 0 || kkey_read(key, p) < 0) {
		/* a read refused for its size may have filled p */
		explicit_bzero(p, sizeof(p));
		return false;
	}
	*st = kpayload_read(p, profile, f, true, out);
	explicit_bzero(p, sizeof(p));
	if (*st == AC_INVALID) /* reported; not ours to trust, drop it */
		kkey_ctl(KEYCTL_INVALIDATE, (unsigned long)key, 0, 0, 0);
	return *st != AC_INVALID;
}

/* The seconds c may be kept: the TTL, or less if it expires sooner. */
static unsigned
keep_for(const struct cred *c, unsigned ttl)
{
	long long left;

	if (c->expires_ms <= 0)
		return ttl;
	left = (c->expires_ms - expiry_now_ms()) / 1000;
	return left <= 0 ? 0 : left < ttl ? (unsigned)left : ttl;
}

/* A fresh generation, after a store or erase.  add_key replaces the
 * payload of an existing one in place, which needs no more quota. */
static void
new_generation(void)
{
	unsigned char r[GEN_LEN / 2];
	char hex[GEN_LEN + 1];
	long key;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		return;
	for (size_t i = 0; i < sizeof(r); i++)
		snprintf(hex + 2 * i, 3, "%02x", r[i]);
	key = syscall(SYS_add_key, "user", GEN_DESC, hex, (size_t)GEN_LEN,
	    KEY_SPEC_USER_KEYRING);
	if (key >= 0)
		kkey_ctl(KEYCTL_SETPERM, (unsigned long)key, GEN_PERM, 0, 0);
}

/* Link an entry for c, read from the Secret Service after the generation
 * was gen, under that generation. */
static void
fill(const struct cred *c, unsigned ttl, const char *gen)
{
	struct buf b = BUF_INIT(KKEY_PAYLOAD_MAX);
	char desc[DESC_MAX];
	unsigned secs = keep_for(c, ttl);
	long key = -1;

	describe(c->profile, gen, desc);
	if (secs > 0 && kpayload_write(c, &b))
		key = syscall(SYS_add_key, "user", desc, b.data, b.len,
		    KEY_SPEC_PROCESS_KEYRING);
	buf_release(&b);
	if (key < 0)
		return;
	if (kkey_ctl(KEYCTL_SET_TIMEOUT, (unsigned long)key, secs, 0, 0) < 0 ||
	    kkey_ctl(KEYCTL_SETPERM, (unsigned long)key, ENTRY_PERM, 0, 0) <
	        0 ||
	    kkey_ctl(KEYCTL_LINK, (unsigned long)key,
	        (unsigned long)KEY_SPEC_USER_KEYRING, 0, 0) < 0)
		kkey_ctl(KEYCTL_INVALIDATE, (unsigned long)key, 0, 0, 0);
}

static enum ac_status
c_get(const char *profile, const struct store_filter *f, struct cred *out)
{
	unsigned ttl = store_cache_ttl();
	char name[GRAMMAR_PROFILE_MAX + 1];
	char gen[GEN_LEN + 1];
	enum ac_status st;

	if (ttl == 0 || !generation(gen)) /* before the read: see the top */
		return inner->get(profile, f, out);
	snprintf(name, sizeof(name), "%s", profile); /* out's own, cleared */
	if (cached(name, gen, f, out, &st))
		return st;
	st = inner->get(name, f, out);
	if (st == AC_OK)
		fill(out, ttl, gen);
	return st;
}

/* Take one entry out.  Invalidating (it is gone everywhere at once)
 * needs only the search right the user has; unlinking, the fallback, only
 * the right to write our own user keyring.  Neither needs possession, nor
 * quota, which a full keyring (Kerberos caches) may not have left. */
static bool
drop(key_serial_t key)
{
	return kkey_ctl(KEYCTL_INVALIDATE, (unsigned long)key, 0, 0, 0) == 0 ||
	       kkey_ctl(KEYCTL_UNLINK, (unsigned long)key,
	           (unsigned long)KEY_SPEC_USER_KEYRING, 0, 0) == 0 ||
	       errno == ENOENT || kkey_absent(errno); /* gone anyway */
}

/* Drop profile's entries, of every bus and generation: a store made with
 * another spelling of the bus address must not leave a stale one. */
static void
forget(const char *profile)
{
	char desc[512], prefix[DESC_MAX];
	const char *name;
	key_serial_t *keys = NULL;
	size_t n = 0, len;

	len = (size_t)snprintf(prefix, sizeof(prefix), PREFIX "%s:", profile);
	if (kkey_list(KEY_SPEC_USER_KEYRING, &keys, &n) < 0)
		return; /* no user keyring here: then it holds no entry */
	for (size_t i = 0; i < n; i++) {
		name = kkey_user_desc(keys[i], desc, sizeof(desc));
		if (name && strncmp(name, prefix, len) == 0 &&
		    strlen(name) == len + 16 + 1 + GEN_LEN && !drop(keys[i]))
			note("the cached copy of profile '%s' could not be "
			     "dropped (%s); it is served until it times out",
			    profile, strerror(errno));
	}
	free(keys);
}

/* After a change of the Secret Service: see the top of the file. */
static void
changed(const char *profile)
{
	new_generation();
	forget(profile);
}

static enum ac_status
c_put(const struct cred *c)
{
	enum ac_status st;

	forget(c->profile); /* what was cached before the change */
	st = inner->put(c);
	changed(c->profile);
	return st;
}

static enum ac_status
c_erase(const char *profile, const char *only_if)
{
	char name[GRAMMAR_PROFILE_MAX + 1];
	enum ac_status st;

	snprintf(name, sizeof(name), "%s", profile);
	forget(name);
	st = inner->erase(name, only_if);
	changed(name);
	return st;
}

enum ac_status
store_cached(const struct store_backend *in, const struct store_backend **out)
{
	static struct store_backend wrapped;

	if (parse_ttl(getenv("ANYREACH_CACHE_TTL")) < 0)
		return fail(AC_USAGE,
		    "ANYREACH_CACHE_TTL must be whole "
		    "seconds from 0 (off) to %d",
		    CACHE_TTL_MAX);
	inner = in;
	wrapped = *in;
	wrapped.get = c_get;
	wrapped.put = in->put ? c_put : NULL;
	wrapped.erase = in->erase ? c_erase : NULL;
	*out = &wrapped;
	return AC_OK;
}

bool
store_cache_holds(const char *profile)
{
	char desc[DESC_MAX], gen[GEN_LEN + 1];

	if (!generation(gen))
		return false;
	describe(profile, gen, desc);
	return kkey_find(KEY_SPEC_USER_KEYRING, desc) >= 0;
}

const char *
store_cache_problem(void)
{
	long id = kkey_ctl(KEYCTL_GET_KEYRING_ID,
	    (unsigned long)KEY_SPEC_USER_KEYRING, 0, 0, 0);

	return id < 0 ? strerror(errno) : NULL;
}
