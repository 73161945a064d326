/*
 * libdbus, loaded when first needed.  Linking it would load it, and the
 * libsystemd, libgcrypt and compression libraries it pulls in, into every
 * run; `get` from ANYREACH_TOKEN never talks to D-Bus and must not pay
 * for them (measured: about 0.6 ms, half again the cost of starting a
 * bare C program).  The header gives the types; calls go through D.
 */
#ifndef HELPER_DBUS_LIB_H
#define HELPER_DBUS_LIB_H

#include <dbus/dbus.h>

#include "status.h"

/* The functions used, each as a member named without its dbus_ prefix. */
#define DBUS_LIB_FUNCTIONS(X)                                                  \
	X(error_init)                                                          \
	X(error_free)                                                          \
	X(address_escape_value)                                                \
	X(free)                                                                \
	X(free_string_array)                                                   \
	X(connection_open_private)                                             \
	X(connection_close)                                                    \
	X(connection_unref)                                                    \
	X(connection_send)                                                     \
	X(connection_has_messages_to_send)                                     \
	X(connection_read_write)                                               \
	X(connection_pop_message)                                              \
	X(message_new_method_call)                                             \
	X(message_unref)                                                       \
	X(message_append_args)                                                 \
	X(message_get_args)                                                    \
	X(message_get_path)                                                    \
	X(message_get_sender)                                                  \
	X(message_get_reply_serial)                                            \
	X(message_get_type)                                                    \
	X(set_error_from_message)                                              \
	X(message_is_signal)                                                   \
	X(message_iter_init)                                                   \
	X(message_iter_init_append)                                            \
	X(message_iter_append_basic)                                           \
	X(message_iter_open_container)                                         \
	X(message_iter_close_container)                                        \
	X(message_iter_get_arg_type)                                           \
	X(message_iter_get_element_type)                                       \
	X(message_iter_get_basic)                                              \
	X(message_iter_get_fixed_array)                                        \
	X(message_iter_recurse)                                                \
	X(message_iter_next)

struct dbus_lib {
#define DBUS_LIB_MEMBER(name) __typeof__(dbus_##name) *name;
	DBUS_LIB_FUNCTIONS(DBUS_LIB_MEMBER)
#undef DBUS_LIB_MEMBER
};

/* Load libdbus (once) into *out; AC_KEYRING, reported, if it cannot be. */
enum ac_status dbus_lib_load(const struct dbus_lib **out);

#endif
