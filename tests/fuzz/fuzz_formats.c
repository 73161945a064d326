/* Every emitter, against a small model of its reader: what an emitter
 * writes, the reader reads back unchanged, or the emitter refuses.
 * Input: a selector byte, then value A, a NUL, and value B (the org). */
#include <cjson/cJSON.h>

#include "../../protocol/docker.h"
#include "../../protocol/engflow.h"
#include "../../protocol/format.h"
#include "../../protocol/kv.h"
#include "../../protocol/shell.h"
#include "fuzz.h"

/* Read a quoted word of text at *p: open quote q, close quote q, and the
 * escapes esc[i] standing for chr[i]; anything else is literal. */
static char *
unquote(const char **p, char q, const char *const *esc, const char *chr)
{
	struct buf out = BUF_INIT(1 << 20);
	const char *s = *p;

	CHECK(*s == q);
	/* Escapes first: PowerShell's '' starts with the closing quote. */
	for (s++; *s;) {
		size_t i = 0;
		while (esc[i] && strncmp(s, esc[i], strlen(esc[i])) != 0)
			i++;
		if (esc[i] == NULL && *s == q)
			break;
		CHECK(buf_add(&out, esc[i] ? &chr[i] : s, 1) == 0);
		s += esc[i] ? strlen(esc[i]) : 1;
	}
	CHECK(*s == q);
	*p = s + 1;
	return out.data ? out.data : fuzz_str((const uint8_t *)"", 0);
}

static void
expect(const char **p, const char *text)
{
	CHECK(strncmp(*p, text, strlen(text)) == 0);
	*p += strlen(text);
}

/* POSIX sh: 'a'\''b' is a'b; the unquoted eval needs no space or glob. */
static char *
read_sh(const char *out)
{
	static const char *const esc[] = {NULL};
	struct buf v = BUF_INIT(1 << 20);
	const char *p = out;
	char *part;

	expect(&p, "X=");
	while (*p == '\'' || strncmp(p, "\\'", 2) == 0) {
		if (*p == '\\') {
			CHECK(buf_add(&v, "'", 1) == 0);
			p += 2;
			continue;
		}
		part = unquote(&p, '\'', esc, "");
		CHECK(buf_adds(&v, part) == 0);
		free(part);
	}
	expect(&p, "; export X; ");
	CHECK(*p == '\0');
	/* The unquoted eval splits and globs: the word itself has neither
	 * white space nor glob characters. */
	for (p = out + 2; p < out + strlen(out) - strlen("; export X; "); p++)
		CHECK(strchr(" \t\n*?[", *p) == NULL);
	return v.data ? v.data : fuzz_str((const uint8_t *)"", 0);
}

static void
check_shells(const char *value)
{
	static const char *const fish_esc[] = {"\\'", "\\\\", NULL};
	static const char *const ps_esc[] = {"''", NULL};
	struct buf out = BUF_INIT(1 << 20);
	const char *p;
	char *got;

	if (shell_sh_export(&out, "X", value) == 0) {
		got = read_sh(out.data);
		CHECK(strcmp(got, value) == 0);
		free(got);
	}
	buf_release(&out);
	if (shell_fish_export(&out, "X", value) == 0) {
		p = out.data;
		expect(&p, "set -gx X ");
		got = unquote(&p, '\'', fish_esc, "'\\");
		expect(&p, ";\n");
		CHECK(*p == '\0' && strcmp(got, value) == 0);
		free(got);
	}
	buf_release(&out);
	if (shell_ps_export(&out, "X", value) == 0) {
		p = out.data;
		expect(&p, "$env:X = ");
		got = unquote(&p, '\'', ps_esc, "'");
		expect(&p, "\n");
		CHECK(*p == '\0' && strcmp(got, value) == 0);
		for (const char *c = value; *c; c++)
			CHECK(
			    (unsigned char)*c < 0x80); /* no U+2018.. quotes */
		free(got);
	}
	buf_release(&out);
	if (shell_env_line(&out, "X", value) == 0) {
		CHECK(strncmp(out.data, "X=", 2) == 0);
		CHECK(strncmp(out.data + 2, value, strlen(value)) == 0);
		CHECK(strcmp(out.data + 2 + strlen(value), "\n") == 0);
	}
	buf_release(&out);
}

static void
check_json_headers(const struct bearer *b, const char *text)
{
	cJSON *doc = cJSON_Parse(text);
	const cJSON *auth =
	    cJSON_GetObjectItemCaseSensitive(doc, "Authorization");
	const cJSON *org =
	    cJSON_GetObjectItemCaseSensitive(doc, "X-Anyreach-Org");

	CHECK(cJSON_IsString(auth) &&
	      strncmp(auth->valuestring, "Bearer ", 7) == 0 &&
	      strcmp(auth->valuestring + 7, b->token) == 0);
	CHECK(b->org
	          ? cJSON_IsString(org) && strcmp(org->valuestring, b->org) == 0
	          : org == NULL);
	cJSON_Delete(doc);
}

static void
check_bearer(const struct bearer *b)
{
	struct buf out = BUF_INIT(1 << 20);
	struct kv_request r;
	const char *why;
	bool ok = bearer_ok(b);

	for (int f = FORMAT_SH; f < FORMAT_GITHUB; f++) {
		CHECK((format_emit((enum format)f, b, &out) == 0) == ok);
		if (ok && f == FORMAT_JSON)
			check_json_headers(b, out.data);
		if (ok && f == FORMAT_HEADERS)
			CHECK(strncmp(out.data, "Authorization: Bearer ", 22) ==
			          0 &&
			      strncmp(out.data + 22, b->token,
			          strlen(b->token)) == 0);
		buf_release(&out);
	}
	CHECK((kv_write_answer(&out, "p", b, true) == 0) == ok);
	if (ok) {
		CHECK(kv_parse(out.data, out.len, &r, &why) == 0);
		CHECK(strcmp(r.password, b->token) == 0);
		kv_request_clear(&r);
	}
	buf_release(&out);
	CHECK((engflow_response(b, &out) == 0) == ok);
	buf_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul;
	char *a, *b;
	struct bearer br;

	if (size < 1)
		return 0;
	nul = memchr(data + 1, '\0', size - 1);
	a = fuzz_str(data + 1, nul ? (size_t)(nul - data - 1) : size - 1);
	b = nul ? fuzz_str(nul + 1, size - (size_t)(nul + 1 - data)) : NULL;
	check_shells(a);
	br = (struct bearer){a, data[0] & 1 ? b : NULL, 0};
	check_bearer(&br);
	free(a);
	free(b);
	return 0;
}
