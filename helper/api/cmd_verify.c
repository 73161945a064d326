#include <stdio.h>

#include "../msg.h"
#include "../output.h"
#include "../source.h"
#include "client.h"
#include "commands.h"

/* Scopes on stdout, one a line; that the credential works on stderr. */
enum ac_status
api_verify(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	struct api_strings scopes = {0};
	struct buf out = BUF_INIT((size_t)1024 * 1024);
	enum ac_status st = source_resolve(s, cli_profile(cli), cli->org, &c);

	if (st == AC_OK)
		st = api_scopes(&c, &scopes);
	for (size_t i = 0; st == AC_OK && i < scopes.n; i++)
		if (buf_adds(&out, scopes.v[i]) < 0 ||
		    buf_add(&out, "\n", 1) < 0)
			st = fail(AC_FAILURE, "out of memory");
	if (st == AC_OK && out.len)
		st = output_write(out.data, out.len);
	if (st == AC_OK)
		note(
		    "the credential of profile '%s' works with %s (%zu scopes)",
		    c.profile, source_api(&c), scopes.n);
	buf_release(&out);
	api_strings_clear(&scopes);
	cred_clear(&c);
	return st;
}
