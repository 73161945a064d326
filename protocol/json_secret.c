#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json_secret.h"

#define JSON_PRINT_SMALL 32768                     /* one token of <= 4 KiB */
#define JSON_PRINT_LARGE ((size_t)2 * 1024 * 1024) /* 1 MiB cap, escaped */

/* cJSON frees what a failed parse had built with its free hook, before we
 * can wipe it; this hook wipes every block it frees. */
static void
wiping_free(void *p)
{
	if (p) {
		explicit_bzero(p, malloc_usable_size(p));
		free(p);
	}
}

static void
use_wiping_hooks(void)
{
	static cJSON_Hooks hooks = {malloc, wiping_free};

	cJSON_InitHooks(&hooks);
}

/* cJSON's indented layout differs from Go's json.MarshalIndent(v, "",
 * "\t"), in which docker writes its config.json: a tab after a key's
 * colon and an empty object over two lines, fixed here on the text (a
 * JSON string holds no raw tab or newline), and a non-empty array on one
 * line, left as it is (docker reads either). */
static void
go_layout(char *s)
{
	char *w = s;
	size_t tabs;

	for (const char *r = s; *r;) {
		tabs = r[0] == '{' && r[1] == '\n' ? strspn(r + 2, "\t") : 0;
		if (r[0] == ':' && r[1] == '\t') {
			*w++ = ':';
			*w++ = ' ';
			r += 2;
		} else if (r[0] == '{' && r[1] == '\n' && r[2 + tabs] == '}') {
			*w++ = '{';
			*w++ = '}';
			r += 3 + tabs;
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

/* Print into a block of size bytes, appended to out; -1 if it did not
 * fit (or out is full). */
static int
print_in(cJSON *item, size_t size, int formatted, struct buf *out)
{
	char *tmp = malloc(size);
	int rc = -1;

	if (tmp == NULL)
		return -1;
	if (cJSON_PrintPreallocated(item, tmp, (int)size, formatted)) {
		if (formatted)
			go_layout(tmp);
		rc = buf_adds(out, tmp) == 0 && buf_add(out, "\n", 1) == 0 ? 0
		                                                           : -1;
	}
	explicit_bzero(tmp, size);
	free(tmp);
	return rc;
}

static int
print_wiped(cJSON *item, int formatted, struct buf *out)
{
	use_wiping_hooks();
	/* Most documents are one token; a key list may need the larger. */
	return print_in(item, JSON_PRINT_SMALL, formatted, out) == 0 ||
	               print_in(item, JSON_PRINT_LARGE, formatted, out) == 0
	           ? 0
	           : -1;
}

int
json_print_wiped(cJSON *item, struct buf *out)
{
	return print_wiped(item, 0, out);
}

int
json_print_formatted_wiped(cJSON *item, struct buf *out)
{
	return print_wiped(item, 1, out);
}

static void
wipe(cJSON *item)
{
	for (; item; item = item->next) {
		if (item->valuestring)
			explicit_bzero(
			    item->valuestring, strlen(item->valuestring));
		wipe(item->child);
	}
}

void
json_delete_wiped(cJSON *item)
{
	if (item) {
		wipe(item->child);
		if (item->valuestring)
			explicit_bzero(
			    item->valuestring, strlen(item->valuestring));
		cJSON_Delete(item);
	}
}

static int
has_escaped_nul(const char *data, size_t len)
{
	for (size_t i = 0; i + 6 <= len; i++)
		if (data[i] == '\\' && data[i + 1] == 'u' &&
		    strncasecmp(data + i + 2, "0000", 4) == 0)
			return 1;
	return 0;
}

cJSON *
json_parse_strict(const char *data, size_t len)
{
	const char *end = NULL;
	cJSON *item;

	if (memchr(data, '\0', len) || has_escaped_nul(data, len))
		return NULL;
	use_wiping_hooks();
	item = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	if (item == NULL)
		return NULL;
	/* Only white space may follow the value. */
	while (end && end < data + len && strchr(" \t\r\n", *end))
		end++;
	if (end != data + len) {
		json_delete_wiped(item);
		return NULL;
	}
	return item;
}
