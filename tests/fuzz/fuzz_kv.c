/* The key=value reader: no crash, no leak; what it accepts holds no CR or
 * LF in any field, and writing the fields out and reading them back gives
 * the same request. */
#include "../../protocol/kv.h"
#include "fuzz.h"

static const char *const keys[] = {
    "protocol", "host", "path", "username", "password", "profile", "org"};

static char **
field(struct kv_request *r, size_t i)
{
	char **f[] = {&r->protocol, &r->host, &r->path, &r->username,
	    &r->password, &r->profile, &r->org};

	return f[i];
}

static void
round_trip(struct kv_request *r)
{
	struct buf out = BUF_INIT(KV_REQUEST_MAX);
	struct kv_request again;
	const char *why;

	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
		char *v = *field(r, i);
		if (v == NULL)
			continue;
		CHECK(strpbrk(v, "\r\n") == NULL);
		CHECK(kv_write(&out, keys[i], v) == 0);
	}
	if (r->cap_authtype)
		CHECK(kv_write(&out, "capability[]", "authtype") == 0);
	CHECK(kv_parse(out.data ? out.data : "", out.len, &again, &why) == 0);
	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
		char *a = *field(r, i), *b = *field(&again, i);
		CHECK((a == NULL) == (b == NULL));
		CHECK(a == NULL || strcmp(a, b) == 0);
	}
	CHECK(r->cap_authtype == again.cap_authtype);
	kv_request_clear(&again);
	buf_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kv_request r;
	const char *why = NULL;

	if (kv_parse((const char *)data, size, &r, &why) == 0) {
		round_trip(&r);
		kv_request_clear(&r);
	} else {
		CHECK(why != NULL && r.host == NULL && r.password == NULL);
	}
	(void)kv_complete((const char *)data, size);
	return 0;
}
