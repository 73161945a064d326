#include <dlfcn.h>
#include <stdbool.h>

#include "dbus_lib.h"
#include "msg.h"

/* The soname libdbus has kept since 2006; the package depends on it. */
#define DBUS_SONAME "libdbus-1.so.3"

static bool
resolve(void *handle, struct dbus_lib *d)
{
	void *sym;

#define DBUS_LIB_RESOLVE(name)                                                 \
	sym = dlsym(handle, "dbus_" #name);                                    \
	if (sym == NULL)                                                       \
		return false;                                                  \
	*(void **)&d->name = sym;
	DBUS_LIB_FUNCTIONS(DBUS_LIB_RESOLVE)
#undef DBUS_LIB_RESOLVE
	return true;
}

enum ac_status
dbus_lib_load(const struct dbus_lib **out)
{
	static struct dbus_lib lib;
	static void *handle;
	const char *why;
	enum ac_status st;

	if (handle == NULL) {
		handle = dlopen(DBUS_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (handle == NULL || !resolve(handle, &lib)) {
			why = dlerror(); /* valid until the next dl call */
			st = fail(AC_KEYRING,
			    "cannot load %s to reach the keyring (%s); "
			    "install libdbus-1-3, or use ANYREACH_TOKEN on "
			    "machines without a keyring",
			    DBUS_SONAME, why ? why : "no reason given");
			if (handle)
				dlclose(handle);
			handle = NULL;
			return st;
		}
	}
	*out = &lib;
	return AC_OK;
}
