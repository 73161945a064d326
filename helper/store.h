/*
 * Credential stores.  Callers use a backend only through this interface,
 * so another store (the kernel keyring, say) can be added without touching
 * them.  A backend reports its own failures (msg.h) except AC_NOTFOUND,
 * which it returns silently: the caller knows which fix to suggest.
 */
#ifndef HELPER_STORE_H
#define HELPER_STORE_H

#include "cred.h"
#include "status.h"

/* A test on what is kept with a credential, made before its secret is
 * read or the store unlocked for it: "is this for the host asked about?" */
struct store_filter {
	bool (*accept)(const struct cred *meta, void *arg);
	void *arg;
};

struct store_backend {
	const char *name;
	/* Fill out (token included) with the credential of profile; one the
	 * filter (if not NULL) refuses is AC_NOTFOUND. */
	enum ac_status (*get)(const char *profile, const struct store_filter *f,
	    struct cred *out);
	/* Replace the profile's credential; on failure the old one stays. */
	enum ac_status (*put)(const struct cred *c);
	/* Remove the profile's credential; with only_if, only if that is the
	 * stored token, compared under the same lock as stores. */
	enum ac_status (*erase)(const char *profile, const char *only_if);
	/* Every stored profile, without tokens, sorted by profile name. */
	enum ac_status (*list)(struct cred_list *out);
};

/* The Secret Service (gnome-keyring, KeePassXC, ...) through libsecret. */
const struct store_backend *store_secret_service(void);

#endif
