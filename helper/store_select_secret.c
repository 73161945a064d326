#include "store_cache.h"
#include "store_choice.h"
#include "store_select.h"

enum ac_status
store_select(const struct cli *cli, const struct store_backend **out)
{
	enum ac_status st = store_chosen(out);

	(void)cli;
	if (st == AC_OK && *out == NULL)
		st = store_cached(store_secret_service(), out);
	return st;
}
