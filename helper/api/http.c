#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "../../protocol/api_reply.h"
#include "../msg.h"
#include "http.h"

#define CONNECT_SECONDS 10L
#define TOTAL_SECONDS_DEFAULT 30L
#define ATTEMPTS 3
#define RETRY_WAIT_MAX_MS 10000L

struct transfer {
	struct http_response *rs;
	long retry_after_ms; /* -1: the server gave none */
	long timeout_ms;     /* what is left of the total time */
};

enum ac_status
http_init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return fail(AC_FAILURE, "cannot start libcurl");
	return AC_OK;
}

void
http_cleanup(void)
{
	curl_global_cleanup();
}

static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;

	/* Returning less than given aborts the transfer: the reply cap. */
	return buf_add(&t->rs->body, data, size * n) < 0 ? 0 : size * n;
}

/* "Name: value" header line; value without surrounding white space. */
static bool
header_value(
    const char *line, size_t n, const char *name, char *out, size_t size)
{
	size_t len = strlen(name);

	if (n <= len || strncasecmp(line, name, len) != 0 || line[len] != ':')
		return false;
	line += len + 1;
	n -= len + 1;
	while (n > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		n--;
	}
	while (n > 0 && strchr(" \t\r\n", line[n - 1]))
		n--;
	if (n >= size)
		return false;
	memcpy(out, line, n);
	out[n] = '\0';
	return true;
}

static size_t
on_header(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	char value[32];
	char *end;

	header_value(data, size * n, "Location", t->rs->location,
	    sizeof(t->rs->location));
	if (header_value(data, size * n, "Retry-After", value, sizeof(value))) {
		long secs = strtol(value, &end, 10);
		if (*end == '\0' && end != value && secs >= 0)
			t->retry_after_ms = (secs < 60 ? secs : 60) * 1000;
	}
	return size * n;
}

/* ANYREACH_API_TIMEOUT seconds (1-600), else the default. */
static long
total_seconds(void)
{
	const char *env = getenv("ANYREACH_API_TIMEOUT");
	char *end;
	long v;

	if (env == NULL || *env == '\0')
		return TOTAL_SECONDS_DEFAULT;
	v = strtol(env, &end, 10);
	return *end == '\0' && v >= 1 && v <= 600 ? v : TOTAL_SECONDS_DEFAULT;
}

/* One "Name: value" header line, built in a wiped buffer; curl keeps
 * its own copy, which headers_free() wipes too. */
static int
add_header(struct curl_slist **list, const char *name, const char *prefix,
    const char *value)
{
	struct buf line = BUF_INIT(8192);
	struct curl_slist *l = NULL;

	if (buf_adds(&line, name) == 0 && buf_adds(&line, ": ") == 0 &&
	    buf_adds(&line, prefix) == 0 && buf_adds(&line, value) == 0)
		l = curl_slist_append(*list, line.data);
	buf_release(&line);
	if (l == NULL)
		return -1;
	*list = l;
	return 0;
}

static void
headers_free(struct curl_slist *list)
{
	for (struct curl_slist *l = list; l; l = l->next)
		explicit_bzero(l->data, strlen(l->data));
	curl_slist_free_all(list);
}

static struct curl_slist *
headers(const struct http_request *rq)
{
	struct curl_slist *list = NULL;

	if (!bearer_ok(rq->auth) ||
	    add_header(&list, "Authorization", "Bearer ", rq->auth->token) <
	        0 ||
	    (rq->auth->org &&
	        add_header(&list, "X-Anyreach-Org", "", rq->auth->org) < 0) ||
	    add_header(&list, "Accept", "", "application/json") < 0 ||
	    (rq->json && add_header(&list, "Content-Type", "",
	                     "application/json") < 0) ||
	    add_header(&list, "Expect", "", "") < 0) {
		headers_free(list);
		return NULL;
	}
	return list;
}

static void
set_options(CURL *h, const struct http_request *rq, const char *url,
    struct curl_slist *hdrs, struct transfer *t)
{
	struct origin o;
	bool loopback =
	    url_parse_origin(rq->base, &o) == 0 && origin_is_loopback(&o);
	long low_speed = t->timeout_ms / 1000 < 15 ? t->timeout_ms / 1000 : 15;
	/* http only where the API URL is loopback http (validated at login). */
	const char *protos = loopback && !o.https ? "http" : "https";

	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, protos);
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, protos);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	curl_easy_setopt(h, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, CONNECT_SECONDS);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, t->timeout_ms);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(
	    h, CURLOPT_LOW_SPEED_TIME, low_speed > 0 ? low_speed : 1);
	/* A loopback API is reached directly: a proxy would see the token,
	 * in the clear when the API URL is plain http. */
	if (loopback)
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(
	    h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)HTTP_BODY_MAX);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "anyreach-cred/" AC_VERSION);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_HEADEROPT, (long)CURLHEADER_SEPARATE);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, t);
	if (strcmp(rq->method, "POST") == 0) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, rq->json);
		curl_easy_setopt(
		    h, CURLOPT_POSTFIELDSIZE, (long)strlen(rq->json));
	} else if (strcmp(rq->method, "GET") != 0)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, rq->method);
}

static bool
is_tls_error(CURLcode rc)
{
	return rc == CURLE_SSL_CONNECT_ERROR ||
	       rc == CURLE_PEER_FAILED_VERIFICATION ||
	       rc == CURLE_SSL_CERTPROBLEM || rc == CURLE_SSL_CIPHER ||
	       rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_ISSUER_ERROR ||
	       rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH ||
	       rc == CURLE_SSL_INVALIDCERTSTATUS;
}

static enum ac_status
transfer_failed(CURLcode rc, const char *base, const char *detail)
{
	char text[CURL_ERROR_SIZE];

	api_printable(
	    text, sizeof(text), *detail ? detail : curl_easy_strerror(rc));
	if (rc == CURLE_WRITE_ERROR || rc == CURLE_FILESIZE_EXCEEDED)
		return fail(AC_SERVER,
		    "the reply of %s is larger than 1 MiB; "
		    "refused",
		    base);
	if (is_tls_error(rc))
		return fail(AC_TLS,
		    "TLS with %s failed (%s); the certificate "
		    "is not trusted, so nothing was sent",
		    base, text);
	return fail(AC_NETWORK,
	    "cannot reach %s: %s; check the network, "
	    "proxy settings and the API URL",
	    base, text);
}

/* One attempt. */
static enum ac_status
attempt(const struct http_request *rq, const char *url,
    struct http_response *rs, long timeout_ms, long *retry_after_ms)
{
	struct transfer t = {rs, -1, timeout_ms};
	char detail[CURL_ERROR_SIZE] = "";
	struct curl_slist *hdrs = headers(rq);
	CURL *h = curl_easy_init();
	CURLcode rc = CURLE_OUT_OF_MEMORY;

	buf_release(&rs->body);
	rs->location[0] = '\0';
	if (h && hdrs) {
		set_options(h, rq, url, hdrs, &t);
		curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
		rc = curl_easy_perform(h);
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &rs->status);
	}
	curl_easy_cleanup(h);
	headers_free(hdrs);
	*retry_after_ms = t.retry_after_ms;
	return rc == CURLE_OK ? AC_OK : transfer_failed(rc, rq->base, detail);
}

static bool
retryable(const struct http_request *rq, long status)
{
	bool idempotent = strcmp(rq->method, "POST") != 0;

	return idempotent && (status == 429 || status >= 500);
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Exponential backoff with jitter, or what the server asked for; false,
 * without waiting, when that would not leave time for another try. */
static bool
wait_before_retry(int tries, long retry_after_ms, long left_ms)
{
	unsigned short jitter = 0;
	long ms = retry_after_ms >= 0 ? retry_after_ms : 500L << tries;
	struct timespec ts;

	if (getrandom(&jitter, sizeof(jitter), 0) != sizeof(jitter))
		jitter = 0;
	ms += jitter % 250;
	if (ms > RETRY_WAIT_MAX_MS)
		ms = RETRY_WAIT_MAX_MS;
	if (ms + 1000 >= left_ms)
		return false;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
	return true;
}

enum ac_status
http_send(const struct http_request *rq, struct http_response *rs)
{
	struct buf url = BUF_INIT((size_t)URL_MAX * 2);
	long retry_after_ms = -1;
	long start = now_ms(), total = total_seconds() * 1000;
	enum ac_status st = AC_OK;

	memset(rs, 0, sizeof(*rs));
	rs->body.max = HTTP_BODY_MAX;
	if (buf_adds(&url, rq->base) < 0 || buf_adds(&url, rq->path) < 0)
		return fail(AC_INVALID, "the API URL is too long");
	/* ANYREACH_API_TIMEOUT bounds the whole call, retries included. */
	for (int tries = 0; tries < ATTEMPTS; tries++) {
		long left = total - (now_ms() - start);
		if (tries > 0 &&
		    !wait_before_retry(tries - 1, retry_after_ms, left))
			break;
		left = total - (now_ms() - start);
		st = attempt(rq, url.data, rs, left, &retry_after_ms);
		if (st != AC_OK || !retryable(rq, rs->status))
			break;
	}
	buf_release(&url);
	return st;
}

void
http_response_clear(struct http_response *rs)
{
	buf_release(&rs->body);
	rs->status = 0;
	rs->location[0] = '\0';
}
