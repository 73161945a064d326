#include <errno.h>
#include <stdlib.h>
#include <linux/keyctl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kernel_key.h"
#include "xalloc.h"

long
kkey_ctl(
    int op, unsigned long a, unsigned long b, unsigned long c, unsigned long d)
{
	return syscall(SYS_keyctl, op, a, b, c, d);
}

key_serial_t
kkey_find(key_serial_t ring, const char *desc)
{
	return (key_serial_t)kkey_ctl(KEYCTL_SEARCH, (unsigned long)ring,
	    (unsigned long)"user", (unsigned long)desc,
	    (unsigned long)KEY_SPEC_PROCESS_KEYRING);
}

int
kkey_read(key_serial_t key, char *p)
{
	long n = kkey_ctl(KEYCTL_READ, (unsigned long)key, (unsigned long)p,
	    KKEY_PAYLOAD_MAX, 0);

	if (n < 0)
		return -1;
	if (n > KKEY_PAYLOAD_MAX || memchr(p, '\0', (size_t)n)) {
		errno = EMSGSIZE;
		return -1;
	}
	p[n] = '\0';
	return 0;
}

int
kkey_absent(int err)
{
	return err == ENOKEY || err == EKEYEXPIRED || err == EKEYREVOKED;
}

int
kkey_list(key_serial_t ring, key_serial_t **keys, size_t *n)
{
	long size = kkey_ctl(KEYCTL_READ, (unsigned long)ring, 0, 0, 0), got;

	*keys = NULL;
	*n = 0;
	for (int attempt = 0; size >= 0 && attempt < 3; attempt++) {
		free(*keys);
		*keys = xcalloc((size_t)size + sizeof(**keys), 1);
		got = kkey_ctl(KEYCTL_READ, (unsigned long)ring,
		    (unsigned long)*keys, (unsigned long)size, 0);
		if (got >= 0 && got <= size) {
			*n = (size_t)got / sizeof(**keys);
			return 0;
		}
		size = got; /* it grew meanwhile */
	}
	free(*keys);
	*keys = NULL;
	return -1;
}

/* KEYCTL_DESCRIBE gives "type;uid;gid;perm;description". */
const char *
kkey_user_desc(key_serial_t key, char *desc, size_t size)
{
	long n = kkey_ctl(KEYCTL_DESCRIBE, (unsigned long)key,
	    (unsigned long)desc, size - 1, 0);
	const char *name;

	if (n < 0 || (size_t)n >= size)
		return NULL;
	desc[n] = '\0';
	name = strrchr(desc, ';');
	return strncmp(desc, "user;", 5) == 0 && name ? name + 1 : NULL;
}
