#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docker.h"
#include "json_secret.h"

char *
docker_read_url(const char *data, size_t len)
{
	const char *ws = " \t\r\n\v\f";

	if (len > DOCKER_INPUT_MAX || memchr(data, '\0', len))
		return NULL;
	while (len > 0 && strchr(ws, data[0])) {
		data++;
		len--;
	}
	while (len > 0 && strchr(ws, data[len - 1]))
		len--;
	return len ? buf_strndup(data, len) : NULL;
}

static char **
field(struct docker_creds *c, const char *key)
{
	if (strcasecmp(key, "ServerURL") == 0)
		return &c->server_url;
	if (strcasecmp(key, "Username") == 0)
		return &c->username;
	if (strcasecmp(key, "Secret") == 0)
		return &c->secret;
	return NULL;
}

static int
take_fields(const cJSON *obj, struct docker_creds *c, const char **why)
{
	for (const cJSON *it = obj->child; it; it = it->next) {
		char **slot = field(c, it->string);
		if (slot == NULL)
			continue;
		if (*slot || !cJSON_IsString(it)) {
			*why = *slot ? "a key appears twice" : "a non-string";
			return -1;
		}
		*slot = buf_strndup(it->valuestring, strlen(it->valuestring));
		if (*slot == NULL) {
			*why = "out of memory";
			return -1;
		}
	}
	return 0;
}

int
docker_parse_store(
    const char *data, size_t len, struct docker_creds *c, const char **why)
{
	cJSON *obj;
	int rc;

	memset(c, 0, sizeof(*c));
	*why = "input is not one JSON object";
	if (len > DOCKER_INPUT_MAX)
		return -1;
	obj = json_parse_strict(data, len);
	rc = cJSON_IsObject(obj) ? take_fields(obj, c, why) : -1;
	json_delete_wiped(obj);
	if (rc == 0 && (c->server_url == NULL || *c->server_url == '\0')) {
		*why = DOCKER_NO_URL;
		rc = -1;
	} else if (rc == 0 && (c->username == NULL || *c->username == '\0')) {
		*why = DOCKER_NO_USERNAME;
		rc = -1;
	} else if (rc == 0 && (c->secret == NULL || *c->secret == '\0')) {
		*why = DOCKER_NO_SECRET;
		rc = -1;
	}
	if (rc < 0)
		docker_creds_clear(c);
	return rc;
}

void
docker_creds_clear(struct docker_creds *c)
{
	if (c->secret)
		explicit_bzero(c->secret, strlen(c->secret));
	free(c->server_url);
	free(c->username);
	free(c->secret);
	memset(c, 0, sizeof(*c));
}

int
docker_get_response(const char *server_url, const char *username,
    const char *secret, struct buf *out)
{
	cJSON *o = cJSON_CreateObject();
	int rc = -1;

	if (o && cJSON_AddStringToObject(o, "ServerURL", server_url) &&
	    cJSON_AddStringToObject(o, "Username", username) &&
	    cJSON_AddStringToObject(o, "Secret", secret))
		rc = json_print_wiped(o, out);
	json_delete_wiped(o);
	return rc;
}

int
docker_list_response(
    const char *server_url, const char *username, struct buf *out)
{
	cJSON *o = cJSON_CreateObject();
	int rc = -1;

	if (o && (server_url == NULL ||
	             cJSON_AddStringToObject(o, server_url, username)))
		rc = json_print_wiped(o, out);
	json_delete_wiped(o);
	return rc;
}
