/*
 * Every Anyreach API path anyreach-cred uses, in one place, each marked
 * with what anyreach-api.md says of it: [DOC] documented, [INF] inferred.
 * An inferred path that turns out wrong is fixed here and nowhere else.
 */
#ifndef HELPER_API_PATHS_H
#define HELPER_API_PATHS_H

/* [DOC] the caller's scopes in the current org: the cheapest whoami */
#define API_PATH_SCOPES "/admin/members/me/scopes"

/* [DOC] POST creates an org API key; [INF] GET lists them */
#define API_PATH_KEYS "/admin/organization-pats"

/* [INF] DELETE revokes one key, by the key id the list shows */
#define API_PATH_KEY_PREFIX "/admin/organization-pats/"

/* [DOC] the message of a 401 for a pat_ sent without X-Anyreach-Org;
 * matched as a case-insensitive substring [INF] */
#define API_ORG_CLAIM_TEXT "missing organization claim"

#endif
