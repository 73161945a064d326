/*
 * `get --format github`: hand the credential to later steps of a GitHub
 * Actions job.  The token is registered as a mask with the runner first
 * (so the log never shows it), then appended to $GITHUB_ENV under a random
 * heredoc delimiter that no value can contain.  Refused outside Actions,
 * where a mask command would only print the secret.
 */
#ifndef HELPER_GITHUB_ENV_H
#define HELPER_GITHUB_ENV_H

#include "../protocol/bearer.h"
#include "status.h"

enum ac_status github_env_write(const struct bearer *b);

#endif
