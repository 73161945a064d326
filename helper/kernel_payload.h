/*
 * A credential as one kernel key's payload: its attributes and then the
 * token, as key=value lines, token last.  Written by the kernel store and
 * the cache alike, and validated line by line when read back, as Secret
 * Service items are.
 */
#ifndef HELPER_KERNEL_PAYLOAD_H
#define HELPER_KERNEL_PAYLOAD_H

#include "../protocol/buf.h"
#include "store.h"

/* Append c's payload to b; false if it does not fit. */
bool kpayload_write(const struct cred *c, struct buf *b);

/* Fill c from payload p (changed in place), which must be profile's (not
 * c's own profile field, which is cleared first): the
 * token too if want_token and the filter (if any) accepts what is kept
 * with it.  AC_NOTFOUND if the filter refuses; AC_INVALID, reported, if
 * p is not a valid payload of profile's.  On failure c is cleared. */
enum ac_status kpayload_read(char *p, const char *profile,
    const struct store_filter *f, bool want_token, struct cred *c);

#endif
