#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"
#include "xalloc.h"

static _Noreturn void
oom(void)
{
	static const char msg[] = "anyreach-cred: out of memory\n";

	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
	_exit(AC_FAILURE);
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

char *
xmemdup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p == NULL)
		oom();
	else {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
