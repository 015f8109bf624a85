/* robots.c — the chat robots Chinese offices use: a WeCom (企业微信) group
 * robot, a DingTalk (钉钉) robot with its signed URL, or a plain JSON
 * webhook. An HTTP error status, or WeCom's / DingTalk's non-zero errcode in
 * a 200 answer, is a failure, retried like mail. */
#include "mail.h"
#include "core/log.h"
#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* WeCom's limit for a markdown message. */
#define WECOM_MAX 4096

enum robot_kind robot_kind_of(const char *name)
{
	if (name == NULL)
		return ROBOT_NONE;
	if (strcmp(name, "wecom") == 0)
		return ROBOT_WECOM;
	if (strcmp(name, "dingtalk") == 0)
		return ROBOT_DINGTALK;
	if (strcmp(name, "json") == 0)
		return ROBOT_JSON;
	return ROBOT_NONE;
}

/* s as a JSON string (quotes included), at most max bytes of s, cut between characters. */
static void json_str(struct buf *b, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	buf_puts(b, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_append(b, &s[i], 1);
	}
	buf_puts(b, "\"");
}

const char *robot_dingtalk_sign(struct req *r, long long ms, const char *secret)
{
	const char *msg = arena_printf(r->a, "%lld\n%s", ms, secret);
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	if (HMAC(EVP_sha256(), secret, (int)strlen(secret), (const unsigned char *)msg, strlen(msg), mac, &maclen) ==
	    NULL)
		return NULL;
	struct buf b;
	buf_init(&b);
	mail_base64(&b, mac, maclen, 0);
	char *esc = curl_easy_escape(NULL, buf_cstr(&b), 0);
	buf_free(&b);
	if (esc == NULL)
		return NULL;
	const char *out = arena_strdup(r->a, esc);
	curl_free(esc);
	return out;
}

static size_t collect(char *p, size_t size, size_t nmemb, void *ctx)
{
	struct buf *b = ctx;
	if (b->len < 65536)
		buf_append(b, p, size * nmemb);
	return size * nmemb;
}

/* The errcode of a WeCom / DingTalk answer, 0 when it has none. */
static long errcode_of(const char *body)
{
	const char *p = strstr(body, "\"errcode\"");
	if (p == NULL)
		return 0;
	p += strlen("\"errcode\"");
	p += strspn(p, " \t\r\n");
	if (*p != ':')
		return 0;
	return strtol(p + 1, NULL, 10);
}

int robot_send(struct req *r, enum robot_kind kind, const char *key, const char *secret, const char *title,
	       const char *text, const char *kind_name, const char *subject_ref, char *err, size_t errlen)
{
	const char *url = NULL;
	struct buf body, answer;
	buf_init(&body);
	buf_init(&answer);
	char *ekey = curl_easy_escape(NULL, key, 0);
	if (ekey == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	const char *md = arena_printf(r->a, "### %s\n\n%s", title, text);
	switch (kind) {
	case ROBOT_WECOM:
		url = arena_printf(r->a, "%s?key=%s", r->cfg->robot_wecom_url, ekey);
		buf_puts(&body, "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":");
		json_str(&body, md, WECOM_MAX);
		buf_puts(&body, "}}");
		break;
	case ROBOT_DINGTALK: {
		long long ms = (long long)r->now * 1000;
		const char *sign = secret && *secret ? robot_dingtalk_sign(r, ms, secret) : NULL;
		url = sign ? arena_printf(r->a, "%s?access_token=%s&timestamp=%lld&sign=%s", r->cfg->robot_dingtalk_url,
					  ekey, ms, sign)
			   : arena_printf(r->a, "%s?access_token=%s", r->cfg->robot_dingtalk_url, ekey);
		buf_puts(&body, "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":");
		json_str(&body, title, 200);
		buf_puts(&body, ",\"text\":");
		json_str(&body, md, 20000);
		buf_puts(&body, "}}");
		break;
	}
	case ROBOT_JSON:
		url = key;
		buf_puts(&body, "{\"kind\":");
		json_str(&body, kind_name, 64);
		buf_puts(&body, ",\"subject\":");
		json_str(&body, subject_ref, 64);
		buf_puts(&body, ",\"title\":");
		json_str(&body, title, 1000);
		buf_puts(&body, ",\"text\":");
		json_str(&body, text, 100000);
		buf_puts(&body, "}");
		break;
	default:
		break;
	}
	curl_free(ekey);
	int rc = -1;
	CURL *c = url && !body.failed ? curl_easy_init() : NULL;
	if (c == NULL) {
		snprintf(err, errlen, url ? "out of memory" : "no such robot");
		goto done;
	}
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
		snprintf(err, errlen, "the webhook is not an http(s) address");
		goto done;
	}
	struct curl_slist *hdr = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, r->cfg->smtp_connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, r->cfg->smtp_timeout);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, buf_cstr(&body));
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)body.len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
	CURLcode cc = curl_easy_perform(c);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(hdr);
	if (cc != CURLE_OK) {
		snprintf(err, errlen, "webhook: %s (curl %d)", curl_easy_strerror(cc), (int)cc);
	} else if (status < 200 || status >= 300) {
		snprintf(err, errlen, "webhook: HTTP %ld", status);
	} else if (kind != ROBOT_JSON && errcode_of(buf_cstr(&answer)) != 0) {
		snprintf(err, errlen, "webhook: errcode %ld: %.200s", errcode_of(buf_cstr(&answer)), buf_cstr(&answer));
	} else {
		rc = 0;
	}
done:
	if (c != NULL)
		curl_easy_cleanup(c);
	buf_free(&body);
	buf_free(&answer);
	return rc;
}
