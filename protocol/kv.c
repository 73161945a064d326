#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"

static const char *const single_keys[] = {
    "protocol", "host", "path", "username", "password", "profile", "org"};

static char **
slot(struct kv_request *req, size_t i)
{
	char **slots[] = {&req->protocol, &req->host, &req->path,
	    &req->username, &req->password, &req->profile, &req->org};

	return slots[i];
}

bool
kv_complete(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		bool line_start = i == 0 || data[i - 1] == '\n';
		if (line_start &&
		    (data[i] == '\n' || (data[i] == '\r' && i + 1 < len &&
		                            data[i + 1] == '\n')))
			return true;
	}
	return false;
}

/* One line without its terminator.  Single-valued keys may appear once;
 * a repeated host is what an injected line would look like. */
static int
take(struct kv_request *req, const char *key, size_t klen, const char *val,
    size_t vlen, const char **why)
{
	for (size_t i = 0; i < sizeof(single_keys) / sizeof(*single_keys);
	     i++) {
		if (strlen(single_keys[i]) != klen ||
		    memcmp(single_keys[i], key, klen) != 0)
			continue;
		if (*slot(req, i)) {
			*why = "a key that may appear once appears twice";
			return -1;
		}
		*slot(req, i) = buf_strndup(val, vlen);
		*why = "out of memory";
		return *slot(req, i) ? 0 : -1;
	}
	if (klen == 12 && memcmp(key, "capability[]", 12) == 0) {
		/* An empty value resets the list; we only track authtype. */
		if (vlen == 0)
			req->cap_authtype = false;
		else if (vlen == 8 && memcmp(val, "authtype", 8) == 0)
			req->cap_authtype = true;
	}
	return 0; /* unknown keys are ignored, as git does */
}

static int
parse_line(struct kv_request *req, const char *line, size_t n, const char **why)
{
	const char *eq = memchr(line, '=', n);

	if (memchr(line, '\0', n)) {
		*why = "a NUL byte in a line";
		return -1;
	}
	if (memchr(line, '\r', n)) {
		*why = "a CR that does not end a line";
		return -1;
	}
	if (eq == NULL || eq == line) {
		*why = eq ? "a line with an empty key" : "a line without '='";
		return -1;
	}
	return take(req, line, (size_t)(eq - line), eq + 1,
	    n - (size_t)(eq - line) - 1, why);
}

int
kv_parse(const char *data, size_t len, struct kv_request *req, const char **why)
{
	const char *end = data + len;

	memset(req, 0, sizeof(*req));
	if (len > KV_REQUEST_MAX) {
		*why = "the request is larger than 1 MiB";
		return -1;
	}
	while (data < end) {
		const char *nl = memchr(data, '\n', (size_t)(end - data));
		size_t n = nl ? (size_t)(nl - data) : (size_t)(end - data);
		if (n + 1 > KV_LINE_MAX) {
			*why = "a line longer than 65535 bytes";
			goto refuse;
		}
		if (nl && n > 0 && data[n - 1] == '\r')
			n--; /* CR only directly before LF */
		if (n == 0)
			break;
		if (parse_line(req, data, n, why) < 0)
			goto refuse;
		data = nl ? nl + 1 : end;
	}
	return 0;
refuse:
	kv_request_clear(req);
	return -1;
}

void
kv_request_clear(struct kv_request *req)
{
	if (req->password)
		explicit_bzero(req->password, strlen(req->password));
	for (size_t i = 0; i < sizeof(single_keys) / sizeof(*single_keys);
	     i++) {
		free(*slot(req, i));
		*slot(req, i) = NULL;
	}
	req->cap_authtype = false;
}

int
kv_write(struct buf *out, const char *key, const char *value)
{
	if (*key == '\0' || strpbrk(key, "=\r\n") || strpbrk(value, "\r\n"))
		return -1;
	if (buf_adds(out, key) < 0 || buf_add(out, "=", 1) < 0 ||
	    buf_adds(out, value) < 0 || buf_add(out, "\n", 1) < 0)
		return -1;
	return 0;
}

/* "Name: [scheme]value" as a header[] line. */
static int
write_header(
    struct buf *out, const char *name, const char *scheme, const char *value)
{
	struct buf line = BUF_INIT(8192);
	int rc = -1;

	if (buf_adds(&line, name) == 0 && buf_adds(&line, ": ") == 0 &&
	    buf_adds(&line, scheme) == 0 && buf_adds(&line, value) == 0)
		rc = kv_write(out, "header[]", line.data);
	buf_release(&line);
	return rc;
}

static int
write_expiry(struct buf *out, long long ms)
{
	char secs[24];

	/* git wants seconds; Anyreach gives milliseconds. */
	snprintf(secs, sizeof(secs), "%lld", ms / 1000);
	return kv_write(out, "password_expiry_utc", secs);
}

int
kv_write_answer(struct buf *out, const char *username, const struct bearer *b,
    bool authtype)
{
	if (!bearer_ok(b))
		return -1;
	if ((authtype && kv_write(out, "capability[]", "authtype") < 0) ||
	    kv_write(out, "username", username) < 0 ||
	    kv_write(out, "password", b->token) < 0 ||
	    (b->expires_ms > 0 && write_expiry(out, b->expires_ms) < 0))
		return -1;
	if (authtype && (kv_write(out, "authtype", "Bearer") < 0 ||
	                    kv_write(out, "credential", b->token) < 0 ||
	                    kv_write(out, "ephemeral", "1") < 0))
		return -1;
	if (write_header(out, "Authorization", "Bearer ", b->token) < 0 ||
	    (b->org && write_header(out, "X-Anyreach-Org", "", b->org) < 0))
		return -1;
	return 0;
}
