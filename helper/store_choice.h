/*
 * Which store the user chose.  The Secret Service is the default; the
 * kernel keyring is used only when asked for, never as a fallback:
 *
 *   ANYREACH_STORE=secret-service   (or unset) the Secret Service
 *   ANYREACH_STORE=kernel           the kernel's persistent keyring
 */
#ifndef HELPER_STORE_CHOICE_H
#define HELPER_STORE_CHOICE_H

#include "store.h"

/* *kernel is the kernel store if chosen, else NULL (the Secret Service,
 * reached as the executable reaches it).  AC_USAGE for any other value. */
enum ac_status store_chosen(const struct store_backend **kernel);

#endif
