#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "store_choice.h"
#include "store_kernel.h"

enum ac_status
store_chosen(const struct store_backend **kernel)
{
	const char *v = getenv("ANYREACH_STORE");

	*kernel = NULL;
	if (v == NULL || *v == '\0' || strcmp(v, "secret-service") == 0)
		return AC_OK;
	if (strcmp(v, "kernel") == 0) {
		*kernel = store_kernel();
		return AC_OK;
	}
	return fail(AC_USAGE, "ANYREACH_STORE must be secret-service or "
	                      "kernel");
}
