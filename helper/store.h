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

struct store_backend {
	const char *name;
	/* Fill out (token included) with the credential of profile. */
	enum ac_status (*get)(const char *profile, struct cred *out);
	/* Replace the profile's credential; on failure the old one stays. */
	enum ac_status (*put)(const struct cred *c);
	/* Remove the profile's credential. */
	enum ac_status (*erase)(const char *profile);
	/* Every stored profile, without tokens, sorted by profile name. */
	enum ac_status (*list)(struct cred_list *out);
};

/* The Secret Service (gnome-keyring, KeePassXC, ...) through libsecret. */
const struct store_backend *store_secret_service(void);

#endif
