#include <string.h>

#include "format.h"
#include "json_secret.h"
#include "shell.h"

#define TOKEN_VAR "ANYREACH_TOKEN"
#define ORG_VAR "ANYREACH_ORG_ID"

static const char *const names[] = {
    [FORMAT_SH] = "sh",
    [FORMAT_FISH] = "fish",
    [FORMAT_POWERSHELL] = "powershell",
    [FORMAT_ENV] = "env",
    [FORMAT_HEADERS] = "headers",
    [FORMAT_CURL] = "curl",
    [FORMAT_JSON] = "json",
    [FORMAT_GITHUB] = "github",
};

int
format_from_name(const char *name, enum format *f)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(names[i], name) == 0) {
			*f = (enum format)i;
			return 0;
		}
	return -1;
}

/* Variables for the shells: the org is unset for an ak_, so a stale one
 * from an earlier pat_ is never sent with it. */
static int
emit_shell(const struct bearer *b, struct buf *out,
    int (*set)(struct buf *, const char *, const char *),
    int (*unset)(struct buf *, const char *))
{
	if (set(out, TOKEN_VAR, b->token) < 0)
		return -1;
	return b->org ? set(out, ORG_VAR, b->org) : unset(out, ORG_VAR);
}

static int
emit_sh(const struct bearer *b, struct buf *out)
{
	if (emit_shell(b, out, shell_sh_export, shell_sh_unset) < 0)
		return -1;
	return buf_add(out, "\n", 1);
}

static int
emit_env(const struct bearer *b, struct buf *out)
{
	if (shell_env_line(out, TOKEN_VAR, b->token) < 0)
		return -1;
	return b->org ? shell_env_line(out, ORG_VAR, b->org) : 0;
}

/* One header line "Name: value" wrapped in pre and post. */
static int
header(struct buf *out, const char *pre, const char *name, const char *scheme,
    const char *value, const char *post)
{
	const char *const parts[] = {pre, name, ": ", scheme, value, post};

	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (buf_adds(out, parts[i]) < 0)
			return -1;
	return 0;
}

/* Header lines, bare or as curl config entries.  Quoting in a curl
 * config is needed for the space; the values hold no '"' or '\'. */
static int
emit_headers(
    const struct bearer *b, struct buf *out, const char *pre, const char *post)
{
	if (header(out, pre, "Authorization", "Bearer ", b->token, post) < 0)
		return -1;
	return b->org ? header(out, pre, "X-Anyreach-Org", "", b->org, post)
	              : 0;
}

static int
emit_json(const struct bearer *b, struct buf *out)
{
	cJSON *o = cJSON_CreateObject();
	struct buf value = BUF_INIT(8192);
	int rc = -1;

	if (o && buf_adds(&value, "Bearer ") == 0 &&
	    buf_adds(&value, b->token) == 0 &&
	    cJSON_AddStringToObject(o, "Authorization", value.data) &&
	    (b->org == NULL ||
	        cJSON_AddStringToObject(o, "X-Anyreach-Org", b->org)))
		rc = json_print_wiped(o, out);
	buf_release(&value);
	json_delete_wiped(o);
	return rc;
}

int
format_emit(enum format f, const struct bearer *b, struct buf *out)
{
	if (!bearer_ok(b))
		return -1;
	switch (f) {
	case FORMAT_SH:
		return emit_sh(b, out);
	case FORMAT_FISH:
		return emit_shell(b, out, shell_fish_export, shell_fish_unset);
	case FORMAT_POWERSHELL:
		return emit_shell(b, out, shell_ps_export, shell_ps_unset);
	case FORMAT_ENV:
		return emit_env(b, out);
	case FORMAT_HEADERS:
		return emit_headers(b, out, "", "\n");
	case FORMAT_CURL:
		return emit_headers(b, out, "header = \"", "\"\n");
	case FORMAT_JSON:
		return emit_json(b, out);
	case FORMAT_GITHUB:
	default:
		return -1;
	}
}

static int
github_block(
    struct buf *env, const char *name, const char *value, const char *delim)
{
	const char *const parts[] = {
	    name, "<<", delim, "\n", value, "\n", delim, "\n"};

	if (strpbrk(value, "\r\n") || strstr(value, delim))
		return -1;
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (buf_adds(env, parts[i]) < 0)
			return -1;
	return 0;
}

int
format_github(const struct bearer *b, const char *delim, struct buf *mask,
    struct buf *env)
{
	/* The runner decodes %25, %0D and %0A in command data; a b64token
	 * holds none of '%', CR or LF, so the token goes in as it is. */
	if (!bearer_ok(b) || strlen(delim) < 16 ||
	    buf_adds(mask, "::add-mask::") < 0 ||
	    buf_adds(mask, b->token) < 0 || buf_add(mask, "\n", 1) < 0)
		return -1;
	if (github_block(env, TOKEN_VAR, b->token, delim) < 0)
		return -1;
	/* $GITHUB_ENV cannot unset: an empty org overrides a stale one. */
	return github_block(env, ORG_VAR, b->org ? b->org : "", delim);
}
