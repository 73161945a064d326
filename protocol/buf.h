/*
 * A growable byte buffer with a hard cap, for output that may hold a
 * secret.  Everything it ever held is wiped when it grows and when it is
 * released, so callers can build a whole reply and write it in one go.
 */
#ifndef PROTOCOL_BUF_H
#define PROTOCOL_BUF_H

#include <stddef.h>

struct buf {
	char *data; /* always NUL-terminated once anything was appended */
	size_t len;
	size_t alloc;
	size_t max; /* appends that would pass this fail */
};

#define BUF_INIT(cap)                                                          \
	{                                                                      \
		NULL, 0, 0, (cap)                                              \
	}

/* Append n bytes; 0 on success, -1 when the cap or memory runs out (the
 * buffer is then unchanged). */
int buf_add(struct buf *b, const char *s, size_t n);
int buf_adds(struct buf *b, const char *s);

/* A NUL-terminated copy of n bytes of s, or NULL when memory runs out. */
char *buf_strndup(const char *s, size_t n);

/* Wipe and free the contents; the buffer can be reused. */
void buf_release(struct buf *b);

#endif
