/*
 * The Linux key retention service through raw system calls: libkeyutils
 * would be one more library loaded by every get.  Shared by the kernel
 * store (store_kernel.c) and the cache (store_cache.c).  Each function
 * returns 0 (or a key) on success and -1 with errno set otherwise; the
 * caller says what failed, in its own words, or stays silent.
 */
#ifndef HELPER_KERNEL_KEY_H
#define HELPER_KERNEL_KEY_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t key_serial_t;

/* The largest payload we write or read. */
#define KKEY_PAYLOAD_MAX 8192

long kkey_ctl(
    int op, unsigned long a, unsigned long b, unsigned long c, unsigned long d);

/* The "user" key described desc in ring, linked into this process's own
 * keyring as well: a key found that way is possessed by this process for
 * as long as it runs, so it can be read, and nothing outside is changed. */
key_serial_t kkey_find(key_serial_t ring, const char *desc);

/* The payload of key, NUL-terminated, into p (KKEY_PAYLOAD_MAX + 1
 * bytes); EMSGSIZE if it is too long or holds a NUL. */
int kkey_read(key_serial_t key, char *p);

/* The keys linked into ring (as many as it holds; other programs may
 * keep theirs there too): *n of them; free() *keys. */
int kkey_list(key_serial_t ring, key_serial_t **keys, size_t *n);

/* The description of key, in desc (size bytes), if it is a "user" key;
 * else NULL. */
const char *kkey_user_desc(key_serial_t key, char *desc, size_t size);

/* Whether errno after a failed find or read means "there is none". */
int kkey_absent(int err);

#endif
