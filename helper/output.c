#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "output.h"

enum ac_status
output_write(const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return fail(AC_FAILURE,
			    "cannot write to standard output: %s",
			    n < 0 ? strerror(errno) : "nothing written");
		data += n;
		len -= (size_t)n;
	}
	return AC_OK;
}

enum ac_status
output_reply(int built, struct buf *out, const char *what)
{
	enum ac_status st =
	    built < 0 ? fail(AC_INVALID,
	                    "cannot write %s: a value would not be safe "
	                    "in that form",
	                    what)
	              : output_write(out->data, out->len);

	buf_release(out);
	return st;
}

enum ac_status
output_finish(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail(AC_FAILURE, "cannot write to standard output: %s",
		    strerror(errno));
	return AC_OK;
}
