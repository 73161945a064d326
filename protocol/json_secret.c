#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json_secret.h"

#define JSON_PRINT_MAX 32768 /* our documents hold one token of <= 4 KiB */

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

int
json_print_wiped(cJSON *item, struct buf *out)
{
	char *tmp = malloc(JSON_PRINT_MAX);
	int rc = -1;

	if (tmp == NULL)
		return -1;
	use_wiping_hooks();
	if (cJSON_PrintPreallocated(item, tmp, JSON_PRINT_MAX, 0) &&
	    buf_adds(out, tmp) == 0 && buf_add(out, "\n", 1) == 0)
		rc = 0;
	explicit_bzero(tmp, JSON_PRINT_MAX);
	free(tmp);
	return rc;
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
