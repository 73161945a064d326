#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cred_attrs.h"
#include "msg.h"

long long
cred_attrs_age(const char *stored_at, unsigned long long modified)
{
	char *end;
	long long ms;

	if (stored_at && *stored_at >= '1' && *stored_at <= '9') {
		errno = 0;
		ms = strtoll(stored_at, &end, 10);
		if (errno == 0 && *end == '\0')
			return ms;
	}
	return modified > LLONG_MAX / 1000 ? LLONG_MAX
	                                   : (long long)modified * 1000;
}

bool
cred_attrs_newer(
    long long age, const char *path, long long best_age, const char *best_path)
{
	if (age != best_age)
		return age > best_age;
	return strcmp(path, best_path) > 0;
}

enum ac_status
cred_attr_set(struct cred *c, const char *key, const char *value)
{
	if (strcmp(key, "profile") == 0)
		return cred_set_profile(c, value);
	if (strcmp(key, "api") == 0)
		return cred_set_api(c, value);
	if (strcmp(key, "kind") == 0)
		return cred_set_kind(c, value);
	if (strcmp(key, "org") == 0)
		return cred_set_org(c, value);
	if (strcmp(key, "key_id") == 0)
		return cred_set_key_id(c, value);
	if (strcmp(key, "expires_at") == 0)
		return cred_set_expiry(c, value);
	return AC_OK;
}

enum ac_status
cred_attrs_done(struct cred *c)
{
	if (c->api == NULL && cred_set_api(c, CRED_DEFAULT_API) != AC_OK)
		return AC_INVALID;
	if (c->kind == CRED_NONE || c->profile[0] == '\0')
		return fail(AC_INVALID, "keyring item lacks kind or profile");
	return AC_OK;
}

enum ac_status
cred_attr_take_token(struct cred *c, const char *bytes, size_t len)
{
	enum cred_kind kind = c->kind;
	const char *why = cred_token_problem(bytes, len);

	if (why)
		return fail(AC_INVALID,
		    "the keyring item of profile '%s' holds an "
		    "invalid token (%s); log in again",
		    c->profile, why);
	if (cred_set_token(c, bytes, len) == AC_OK && c->kind == kind)
		return AC_OK;
	return fail(AC_INVALID,
	    "the keyring item of profile '%s' does not "
	    "match its token; log in again",
	    c->profile);
}
