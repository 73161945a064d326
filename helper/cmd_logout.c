#include "commands.h"
#include "msg.h"

enum ac_status
cmd_logout(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	enum ac_status st = cred_set_profile(&c, cli_profile(cli));

	if (st == AC_OK)
		st = s->erase(c.profile, NULL);
	if (st == AC_NOTFOUND)
		return fail(AC_NOTFOUND,
		    "no credential stored for profile '%s'", c.profile);
	if (st == AC_OK)
		note("removed the credential of profile '%s' from the keyring",
		    c.profile);
	return st;
}
