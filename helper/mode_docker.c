/*
 * The docker-credential-helpers protocol, as docker-credential-anyreach.
 * Errors the docker client acts on are its exact texts on stdout with exit
 * status 1; other failures are also explained on stderr.  The org of a
 * pat_ travels as the Username; an ak_'s Username is the profile name.
 */
#include <stdlib.h>
#include <string.h>

#include "../protocol/docker.h"
#include "commands.h"
#include "msg.h"
#include "output.h"
#include "request_input.h"
#include "source.h"

#define DOCKER_FAILED 1

/* A protocol answer that is an error: its text on stdout, exit 1. */
static enum ac_status
refuse(const char *text)
{
	output_write(text, strlen(text));
	output_write("\n", 1);
	return DOCKER_FAILED;
}

/* The server URL docker sends, as an origin: docker often leaves out
 * the scheme, which then is https. */
static bool
url_origin(const char *url, struct origin *o)
{
	char full[URL_MAX + 16];

	if (strstr(url, "://"))
		return url_request_origin(url, o) == 0;
	if ((size_t)snprintf(full, sizeof(full), "https://%s", url) >=
	    sizeof(full))
		return false;
	return url_request_origin(full, o) == 0;
}

/* The org of a pat_, else the profile name (docker wants a username). */
static const char *
docker_username(const struct cred *c)
{
	return c->kind == CRED_PAT && c->org[0] ? c->org : c->profile;
}

static enum ac_status
read_url(char **url)
{
	struct buf in = BUF_INIT(DOCKER_INPUT_MAX);
	enum ac_status st = request_read(&in, false, "docker credential");

	*url = st == AC_OK ? docker_read_url(in.data ? in.data : "", in.len)
	                   : NULL;
	buf_release(&in);
	if (st != AC_OK)
		return st;
	return *url ? AC_OK : refuse(DOCKER_NO_URL);
}

/* The profile's credential if it is for the origin of url, checked before
 * any secret is read; else AC_NOTFOUND, and *seen says whether the
 * profile exists (for another origin). */
static enum ac_status
fetch_for(const struct cli *cli, const struct store_backend *s, const char *url,
    struct cred *c, bool *seen)
{
	struct origin_check oc = {0};
	struct store_filter f = source_for_origin(&oc);
	enum ac_status st = cred_set_profile(c, cli_profile(cli));

	*seen = false;
	if (st != AC_OK)
		return st;
	if (!url_origin(url, &oc.want))
		return AC_NOTFOUND;
	st = source_fetch(s, &f, c);
	*seen = oc.seen;
	return st;
}

static enum ac_status
docker_get(const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	struct buf text = BUF_INIT(32768);
	bool seen;
	char *url;
	enum ac_status st = read_url(&url);

	if (st != AC_OK) /* already answered: the no-URL text */
		return st;
	st = fetch_for(cli, s, url, c, &seen);
	if (st == AC_OK)
		st = source_settle(c, NULL);
	if (st == AC_NOTFOUND || st == AC_EXPIRED)
		st = refuse(DOCKER_NOT_FOUND); /* an expired key is absent */
	else if (st == AC_OK)
		st = output_reply(docker_get_response(
		                      url, docker_username(c), c->token, &text),
		    &text, "the docker answer");
	buf_release(&text);
	free(url);
	return st;
}

/* A new profile gets the credential only for the origin new profiles
 * serve (ANYREACH_API_URL, else the default). */
static enum ac_status
check_new(const struct docker_creds *d, struct cred *c)
{
	struct origin asked, fresh;
	enum ac_status st = source_default_origin(&fresh);

	if (st == AC_OK && !(url_origin(d->server_url, &asked) &&
	                       origin_equal(&asked, &fresh)))
		st = AC_NOTFOUND;
	return st == AC_OK ? source_new_profile(c) : st;
}

/* The new credential, for the profile in effect, if the server is where
 * that profile (or a new one) points.  Refusals go to stdout, where the
 * docker client reads them. */
static enum ac_status
store_creds(const struct cli *cli, const struct store_backend *s,
    const struct docker_creds *d, struct cred *c)
{
	bool seen;
	const char *why = cred_token_problem(d->secret, strlen(d->secret));
	enum ac_status st = fetch_for(cli, s, d->server_url, c, &seen);

	if (st == AC_NOTFOUND && !seen)
		st = check_new(d, c);
	if (st == AC_NOTFOUND)
		return refuse("not the Anyreach API host of this profile");
	if (st != AC_OK)
		return st;
	if (why)
		return refuse("the Secret is not an Anyreach token");
	st = cred_set_token(c, d->secret, strlen(d->secret));
	c->expires_ms = 0;
	if (c->kind == CRED_AK)
		c->org[0] = '\0';
	else if (!grammar_is_org_id(d->username, strlen(d->username)))
		return refuse("the Username of a personal access token must be "
		              "its org id");
	else
		st = cred_set_org(c, d->username);
	return st == AC_OK ? s->put(c) : st;
}

static enum ac_status
docker_store(
    const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	struct buf in = BUF_INIT(DOCKER_INPUT_MAX);
	struct docker_creds d;
	const char *why = NULL;
	enum ac_status st = request_read(&in, false, "docker credential");

	if (st == AC_OK &&
	    docker_parse_store(in.data ? in.data : "", in.len, &d, &why) < 0)
		st = refuse(why);
	buf_release(&in);
	if (st != AC_OK)
		return st;
	if (source_in_effect() != SOURCE_KEYRING)
		st = refuse("ANYREACH_TOKEN or a token file is in effect; "
		            "nothing is stored");
	else
		st = store_creds(cli, s, &d, c);
	docker_creds_clear(&d);
	return st;
}

static enum ac_status
docker_erase(
    const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	bool seen;
	char *url;
	enum ac_status st = read_url(&url);

	if (st != AC_OK) /* already answered: the no-URL text */
		return st;
	if (source_in_effect() == SOURCE_KEYRING)
		st = fetch_for(cli, s, url, c, &seen);
	if (st == AC_OK && c->token)
		st = s->erase(c->profile, NULL);
	free(url);
	return st == AC_NOTFOUND ? AC_OK : st; /* nothing to erase is fine */
}

static enum ac_status
docker_list(
    const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	struct buf text = BUF_INIT(32768);
	enum ac_status st = cred_set_profile(c, cli_profile(cli));

	if (st == AC_OK)
		st = source_fetch(s, NULL, c);
	if (st == AC_OK || st == AC_NOTFOUND)
		st = output_reply(
		    docker_list_response(st == AC_OK ? source_api(c) : NULL,
		        docker_username(c), &text),
		    &text, "the docker list");
	buf_release(&text);
	return st;
}

static enum ac_status
docker_version(
    const struct cli *cli, const struct store_backend *s, struct cred *c)
{
	static const char text[] =
	    "docker-credential-anyreach (anyreach-cred) " AC_VERSION "\n";

	(void)cli;
	(void)s;
	(void)c;
	return output_write(text, sizeof(text) - 1);
}

enum ac_status
mode_docker(const struct cli *cli, const struct store_backend *s)
{
	static const struct {
		const char *name;
		enum ac_status (*run)(const struct cli *,
		    const struct store_backend *, struct cred *);
	} ops[] = {{"get", docker_get}, {"store", docker_store},
	    {"erase", docker_erase}, {"list", docker_list},
	    {"version", docker_version}};
	struct cred c = {0};
	enum ac_status st = DOCKER_FAILED;

	if (cli->nargs != 1)
		return refuse("Usage: docker-credential-anyreach "
		              "<store|get|erase|list|version>");
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (strcmp(cli->args[0], ops[i].name) == 0) {
			st = ops[i].run(cli, s, &c);
			cred_clear(&c);
			return st;
		}
	return refuse("Unknown credential action");
}
