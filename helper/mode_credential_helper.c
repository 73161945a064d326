/*
 * The EngFlow credential-helper spec (Bazel's --credential_helper and
 * other tools that want HTTP headers), as anyreach-credential-helper.
 * Bazel runs it as `<path> get` with {"uri": ...} on stdin and cannot pass
 * other arguments, so the profile comes from ANYREACH_PROFILE.  A URI that
 * is not the profile's configured origin is a failure: the spec asks a
 * helper to fail rather than answer for a domain it does not serve.
 */
#include <stdlib.h>
#include <string.h>

#include "../protocol/engflow.h"
#include "commands.h"
#include "msg.h"
#include "output.h"
#include "request_input.h"
#include "source.h"

static enum ac_status
read_uri(char **uri)
{
	struct buf in = BUF_INIT(ENGFLOW_INPUT_MAX);
	const char *why = NULL;
	enum ac_status st = request_read(&in, false, "credential helper");

	*uri = NULL;
	if (st == AC_OK) {
		*uri =
		    engflow_parse_request(in.data ? in.data : "", in.len, &why);
		if (*uri == NULL)
			st = fail(AC_INVALID,
			    "credential helper request "
			    "refused: %s",
			    why);
	}
	buf_release(&in);
	return st;
}

static enum ac_status
serve(const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	struct buf out = BUF_INIT(32768);
	struct origin_check oc = {0};
	struct store_filter f = source_for_origin(&oc);
	struct bearer b;
	char *uri = NULL;
	enum ac_status st = read_uri(&uri);

	if (st == AC_OK)
		st = cred_set_profile(c, cli_profile(cli));
	if (st == AC_OK && url_request_origin(uri, &oc.want) < 0)
		st = fail(AC_INVALID, "the URI is not an http(s) URL with a "
		                      "valid host");
	if (st == AC_OK)
		st = source_fetch(s, &f, c);
	if (st == AC_NOTFOUND && oc.seen)
		st = fail(AC_NOTFOUND,
		    "that URI is not the Anyreach API of profile '%s'; scope "
		    "the helper to that host",
		    c->profile);
	else if (st == AC_NOTFOUND && c->profile[0])
		st = source_not_found(c);
	if (st == AC_OK)
		st = source_settle(c, NULL);
	b = cred_bearer(c);
	if (st == AC_OK)
		st = output_reply(
		    engflow_response(&b, &out), &out, "the helper answer");
	buf_release(&out);
	free(uri);
	return st;
}

enum ac_status
mode_credential_helper(const struct cli *cli, const struct store_backend *s)
{
	struct cred c = {0};
	enum ac_status st;

	if (cli->nargs != 1 || strcmp(cli->args[0], "get") != 0)
		return fail(AC_USAGE, "usage: anyreach-credential-helper get "
		                      "(reads {\"uri\": ...} on standard "
		                      "input)");
	st = serve(cli, s, &c);
	cred_clear(&c);
	return st;
}
