#include <stdarg.h>
#include <stdio.h>

#include "msg.h"

enum ac_status
fail(enum ac_status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("anyreach-cred: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return code;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("anyreach-cred: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
