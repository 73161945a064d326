#include <stdio.h>
#include <string.h>

#include "cred_attrs.h"
#include "kernel_payload.h"
#include "msg.h"

static enum ac_status
malformed(void)
{
	return fail(AC_INVALID,
	    "a kernel keyring entry of ours is malformed; log in again");
}

static void
add_line(struct buf *b, const char *key, const char *value, bool *ok)
{
	if (value && *value)
		*ok = *ok && buf_adds(b, key) == 0 && buf_adds(b, "=") == 0 &&
		      buf_adds(b, value) == 0 && buf_adds(b, "\n") == 0;
}

bool
kpayload_write(const struct cred *c, struct buf *b)
{
	char ms[24] = "";
	bool ok = true;

	if (c->expires_ms > 0)
		snprintf(ms, sizeof(ms), "%lld", c->expires_ms);
	add_line(b, "profile", c->profile, &ok);
	add_line(b, "api", c->api, &ok);
	add_line(b, "kind", cred_kind_name(c->kind), &ok);
	add_line(b, "org", c->org, &ok);
	add_line(b, "key_id", c->key_id, &ok);
	add_line(b, "expires_at", ms, &ok);
	add_line(b, "token", c->token, &ok);
	return ok;
}

/* Fill c from the attribute lines; *token points at the value of the
 * last line, "token=...". */
static enum ac_status
parse(char *p, struct cred *c, const char **token)
{
	enum ac_status st = AC_OK;
	char *line = p, *eq, *end;

	*token = NULL;
	while (st == AC_OK && *line && *token == NULL) {
		end = strchr(line, '\n');
		eq = strchr(line, '=');
		if (end == NULL || eq == NULL || eq > end)
			return malformed();
		*end = *eq = '\0';
		if (strcmp(line, "token") == 0)
			*token = eq + 1;
		else
			st = cred_attr_set(c, line, eq + 1);
		line = end + 1;
	}
	if (st == AC_OK && (*token == NULL || *line != '\0'))
		st = malformed();
	return st == AC_OK ? cred_attrs_done(c) : st;
}

enum ac_status
kpayload_read(char *p, const char *profile, const struct store_filter *f,
    bool want_token, struct cred *c)
{
	const char *token = NULL;
	enum ac_status st;

	cred_clear(c);
	c->profile[0] = '\0'; /* the payload must name it */
	st = parse(p, c, &token);
	if (st == AC_OK && strcmp(c->profile, profile) != 0)
		st = malformed();
	if (st == AC_OK && f && !f->accept(c, f->arg))
		st = AC_NOTFOUND;
	if (st == AC_OK && want_token) /* parse() found one: token is set */
		st = token ? cred_attr_take_token(c, token, strlen(token))
		           : malformed();
	if (st != AC_OK) /* a refused token is not left behind */
		cred_clear(c);
	return st;
}
