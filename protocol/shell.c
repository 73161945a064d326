#include <string.h>

#include "shell.h"

static bool
name_ok(const char *name)
{
	if (!((*name >= 'A' && *name <= 'Z') || *name == '_'))
		return false;
	for (; *name; name++) {
		char c = *name;
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		        c == '_'))
			return false;
	}
	return true;
}

bool
shell_sh_value_ok(const char *value)
{
	for (; *value; value++) {
		unsigned char c = (unsigned char)*value;
		if (c <= ' ' || c >= 0x7f || strchr("*?[", c) != NULL)
			return false;
	}
	return true;
}

/* Single quotes make everything literal but the quote itself, which is
 * closed, escaped and reopened. */
static int
add_single_quoted(struct buf *out, const char *value)
{
	if (buf_add(out, "'", 1) < 0)
		return -1;
	for (const char *q; (q = strchr(value, '\'')) != NULL; value = q + 1)
		if (buf_add(out, value, (size_t)(q - value)) < 0 ||
		    buf_adds(out, "'\\''") < 0)
			return -1;
	if (buf_adds(out, value) < 0 || buf_add(out, "'", 1) < 0)
		return -1;
	return 0;
}

int
shell_sh_export(struct buf *out, const char *name, const char *value)
{
	if (!name_ok(name) || !shell_sh_value_ok(value))
		return -1;
	if (buf_adds(out, name) < 0 || buf_add(out, "=", 1) < 0 ||
	    add_single_quoted(out, value) < 0 ||
	    buf_adds(out, "; export ") < 0 || buf_adds(out, name) < 0 ||
	    buf_adds(out, "; ") < 0)
		return -1;
	return 0;
}

int
shell_sh_unset(struct buf *out, const char *name)
{
	if (!name_ok(name))
		return -1;
	if (buf_adds(out, "unset ") < 0 || buf_adds(out, name) < 0 ||
	    buf_adds(out, "; ") < 0)
		return -1;
	return 0;
}
