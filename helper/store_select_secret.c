#include "store_select.h"

const struct store_backend *
store_select(const struct cli *cli)
{
	(void)cli;
	return store_secret_service();
}
