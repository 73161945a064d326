/*
 * Reading a token: from standard input when it is a pipe or file (so
 * scripts and CI can feed it), else from a no-echo prompt on the terminal.
 * Never from argv.  CI sources (source.h) read mounted secret files here
 * too.
 */
#ifndef HELPER_TOKEN_INPUT_H
#define HELPER_TOKEN_INPUT_H

#include <stddef.h>

#include "../protocol/grammar.h"
#include "status.h"

/* Room for the longest token, its newline, and one byte to detect more. */
#define TOKEN_INPUT_SIZE (GRAMMAR_TOKEN_MAX + 2)

/* Read into buf (TOKEN_INPUT_SIZE bytes), set *len, strip exactly one
 * trailing newline.  The caller wipes buf whatever the result. */
enum ac_status token_input_read(char *buf, size_t *len);

/* The same from a file (a mounted secret): `what` names it in messages,
 * e.g. "ANYREACH_TOKEN_FILE". */
enum ac_status token_input_file(
    const char *path, const char *what, char *buf, size_t *len);

#endif
