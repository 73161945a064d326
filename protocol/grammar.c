#include "grammar.h"

/* ASCII only: the C library's isalnum() depends on the locale. */
static bool
is_alnum(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9');
}

static bool
is_b64token_char(unsigned char c)
{
	return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
	       c == '+' || c == '/';
}

bool
grammar_is_b64token(const char *s, size_t len)
{
	size_t i = 0;

	if (len == 0 || len > GRAMMAR_TOKEN_MAX)
		return false;
	while (i < len && is_b64token_char((unsigned char)s[i]))
		i++;
	if (i == 0)
		return false;
	while (i < len && s[i] == '=')
		i++;
	return i == len;
}

bool
grammar_is_org_id(const char *s, size_t len)
{
	if (len == 0 || len > GRAMMAR_ORG_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!is_alnum(c) && c != '.' && c != '_' && c != ':' &&
		    c != '-')
			return false;
	}
	return true;
}

bool
grammar_is_profile(const char *s, size_t len)
{
	if (len == 0 || len > GRAMMAR_PROFILE_MAX || s[0] == '.' || s[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!is_alnum(c) && c != '.' && c != '_' && c != '-')
			return false;
	}
	return true;
}
