/*
 * Shared by the libFuzzer targets: turning input into C strings, and
 * failing loudly when a property does not hold (the fuzzer saves the
 * input that did it).
 */
#ifndef TESTS_FUZZ_H
#define TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "property failed: %s (%s:%d)\n",       \
			    #cond, __FILE__, __LINE__);                        \
			abort();                                               \
		}                                                              \
	} while (0)

/* A NUL-terminated copy of n bytes; the caller frees it. */
static inline char *
fuzz_str(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
