#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../protocol/kv.h"
#include "msg.h"
#include "request_input.h"

enum ac_status
request_read(struct buf *in, bool until_blank, const char *protocol)
{
	char chunk[4096];

	if (isatty(STDIN_FILENO))
		return fail(AC_USAGE,
		    "this reads a %s request on standard "
		    "input; it is meant to be run by that "
		    "tool, see 'anyreach-cred --help'",
		    protocol);
	while (!(until_blank && kv_complete(in->data, in->len))) {
		ssize_t n = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(AC_FAILURE, "cannot read the request: %s",
			    strerror(errno));
		if (n == 0)
			break;
		if (buf_add(in, chunk, (size_t)n) < 0) {
			explicit_bzero(chunk, sizeof(chunk));
			return fail(AC_INVALID, "the %s request is too large",
			    protocol);
		}
	}
	explicit_bzero(chunk, sizeof(chunk));
	return AC_OK;
}
