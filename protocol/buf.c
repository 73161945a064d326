#include <stdlib.h>
#include <string.h>

#include "buf.h"

static int
grow(struct buf *b, size_t need)
{
	size_t alloc = b->alloc ? b->alloc : 64;
	char *p;

	while (alloc < need)
		alloc *= 2;
	p = malloc(alloc);
	if (p == NULL)
		return -1;
	/* Copy rather than realloc, so the old block can be wiped. */
	if (b->data) {
		memcpy(p, b->data, b->len + 1);
		explicit_bzero(b->data, b->alloc);
		free(b->data);
	}
	b->data = p;
	b->alloc = alloc;
	return 0;
}

int
buf_add(struct buf *b, const char *s, size_t n)
{
	if (n > b->max || b->len > b->max - n)
		return -1;
	if (b->len + n + 1 > b->alloc && grow(b, b->len + n + 1) < 0)
		return -1;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

char *
buf_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

void
buf_release(struct buf *b)
{
	if (b->data) {
		explicit_bzero(b->data, b->alloc);
		free(b->data);
	}
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
}
