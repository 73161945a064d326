#include <stdarg.h>
#include <stdio.h>

#include "msg.h"

static void
vline(const char *fmt, va_list ap)
{
	fputs("anyreach-cred: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

enum ac_status
fail(enum ac_status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(fmt, ap);
	va_end(ap);
	return code;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(fmt, ap);
	va_end(ap);
}
