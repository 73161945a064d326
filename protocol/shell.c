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

/* Printable ASCII, no space: what every format here starts from. */
static bool
printable(const char *value)
{
	for (; *value; value++)
		if ((unsigned char)*value <= ' ' ||
		    (unsigned char)*value >= 0x7f)
			return false;
	return true;
}

bool
shell_sh_value_ok(const char *value)
{
	return printable(value) && strpbrk(value, "*?[") == NULL;
}

/* Open quote, value with each special character replaced, close quote. */
static int
add_quoted(struct buf *out, const char *value, const char *special,
    const char *const *replace)
{
	if (buf_add(out, "'", 1) < 0)
		return -1;
	for (const char *p = value; *p; p++) {
		const char *hit = strchr(special, *p);
		if (buf_adds(out,
		        hit ? replace[hit - special] : (char[]){*p, '\0'}) < 0)
			return -1;
	}
	return buf_add(out, "'", 1);
}

static int
add_all(struct buf *out, const char *const *parts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (buf_adds(out, parts[i]) < 0)
			return -1;
	return 0;
}

int
shell_sh_export(struct buf *out, const char *name, const char *value)
{
	static const char *const repl[] = {"'\\''"};

	if (!name_ok(name) || !shell_sh_value_ok(value))
		return -1;
	if (add_all(out, (const char *const[]){name, "="}, 2) < 0 ||
	    add_quoted(out, value, "'", repl) < 0 ||
	    add_all(out, (const char *const[]){"; export ", name, "; "}, 3) < 0)
		return -1;
	return 0;
}

int
shell_sh_unset(struct buf *out, const char *name)
{
	if (!name_ok(name))
		return -1;
	return add_all(out, (const char *const[]){"unset ", name, "; "}, 3);
}

int
shell_fish_export(struct buf *out, const char *name, const char *value)
{
	static const char *const repl[] = {"\\'", "\\\\"};

	if (!name_ok(name) || !printable(value))
		return -1;
	if (add_all(out, (const char *const[]){"set -gx ", name, " "}, 3) < 0 ||
	    add_quoted(out, value, "'\\", repl) < 0 || buf_adds(out, ";\n") < 0)
		return -1;
	return 0;
}

int
shell_fish_unset(struct buf *out, const char *name)
{
	if (!name_ok(name))
		return -1;
	return add_all(out, (const char *const[]){"set -e ", name, ";\n"}, 3);
}

int
shell_ps_export(struct buf *out, const char *name, const char *value)
{
	static const char *const repl[] = {"''"};

	/* ASCII only: PowerShell also takes U+2018..U+201B as quotes. */
	if (!name_ok(name) || !printable(value))
		return -1;
	if (add_all(out, (const char *const[]){"$env:", name, " = "}, 3) < 0 ||
	    add_quoted(out, value, "'", repl) < 0 || buf_adds(out, "\n") < 0)
		return -1;
	return 0;
}

int
shell_ps_unset(struct buf *out, const char *name)
{
	if (!name_ok(name))
		return -1;
	return add_all(out,
	    (const char *const[]){
	        "Remove-Item Env:", name, " -ErrorAction Ignore\n"},
	    3);
}

int
shell_env_line(struct buf *out, const char *name, const char *value)
{
	if (!name_ok(name) || !printable(value) ||
	    strpbrk(value, "\"'\\$`#;") != NULL)
		return -1;
	return add_all(out, (const char *const[]){name, "=", value, "\n"}, 4);
}
