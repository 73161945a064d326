/* The token, org and profile grammars: whatever they accept stays inside
 * the character sets every emitter relies on, checked here independently
 * of the code under test. */
#include <stdbool.h>

#include "../../protocol/grammar.h"
#include "fuzz.h"

static bool
in(const char *set, unsigned char c)
{
	return c != '\0' && strchr(set, c) != NULL;
}

#define ALNUM "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t pad = 0;

	if (grammar_is_b64token(s, size)) {
		CHECK(size >= 1 && size <= GRAMMAR_TOKEN_MAX);
		while (pad < size && data[size - 1 - pad] == '=')
			pad++;
		CHECK(pad < size);
		for (size_t i = 0; i < size - pad; i++)
			CHECK(in(ALNUM "-._~+/", data[i]));
	}
	if (grammar_is_org_id(s, size)) {
		CHECK(size >= 1 && size <= GRAMMAR_ORG_MAX);
		for (size_t i = 0; i < size; i++)
			CHECK(in(ALNUM "._:-", data[i]));
	}
	if (grammar_is_profile(s, size)) {
		CHECK(size >= 1 && size <= GRAMMAR_PROFILE_MAX);
		CHECK(data[0] != '.' && data[0] != '-');
		for (size_t i = 0; i < size; i++)
			CHECK(in(ALNUM "._-", data[i]));
	}
	return 0;
}
