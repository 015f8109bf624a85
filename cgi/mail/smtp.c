/* smtp.c — the message as RFC 5322 text, and one SMTP session through
 * libcurl that keeps its connection for every message of a run. */
#include "mail.h"
#include "core/crypto.h"
#include "core/log.h"
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void mail_base64(struct buf *b, const unsigned char *p, size_t n, int wrap)
{
	size_t col = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		char q[4] = { b64[(v >> 18) & 63], b64[(v >> 12) & 63], i + 1 < n ? b64[(v >> 6) & 63] : '=',
			      i + 2 < n ? b64[v & 63] : '=' };
		buf_append(b, q, 4);
		col += 4;
		if (wrap && col >= 76) {
			buf_puts(b, "\r\n");
			col = 0;
		}
	}
	if (wrap && col > 0)
		buf_puts(b, "\r\n");
}

const char *mail_encode_header(struct req *r, const char *text)
{
	int plain = 1;
	for (const char *p = text; *p; p++)
		if ((unsigned char)*p >= 0x7F || (unsigned char)*p < 0x20 || (p[0] == '=' && p[1] == '?'))
			plain = 0;
	if (plain && strlen(text) <= 900)
		return text;
	/* encoded words of at most 45 bytes of text (60 of base64, under 75 with the
	 * wrapper), cut between UTF-8 characters, folded onto lines of their own */
	struct buf b;
	buf_init(&b);
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		size_t len = n - i < 45 ? n - i : 45;
		while (i + len < n && len > 0 && ((unsigned char)text[i + len] & 0xC0) == 0x80)
			len--;
		if (len == 0)
			len = 1;
		if (i > 0)
			buf_puts(&b, "\r\n ");
		buf_puts(&b, "=?UTF-8?B?");
		/* control characters never reach a header */
		char chunk[64];
		memcpy(chunk, text + i, len);
		for (size_t k = 0; k < len; k++)
			if ((unsigned char)chunk[k] < 0x20)
				chunk[k] = ' ';
		mail_base64(&b, (const unsigned char *)chunk, len, 0);
		buf_puts(&b, "?=");
		i += len;
	}
	const char *out = arena_strdup(r->a, b.failed ? "" : buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* An address fit for a header and the envelope: no CR, LF, <, >, quotes or spaces. */
static int address_ok(const char *a)
{
	return *a && strcspn(a, "\r\n<>\"' ,;") == strlen(a) && strchr(a, '@') != NULL;
}

/* A file name for a MIME parameter: RFC 2231 (UTF-8, percent-encoded) when not plain ASCII. */
static void filename_param(struct buf *b, const char *name)
{
	int plain = 1;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p >= 0x7F || *p == '"' || *p == '\\')
			plain = 0;
	if (plain) {
		buf_printf(b, "filename=\"%s\"", name);
		return;
	}
	buf_puts(b, "filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._", *p))
			buf_append(b, p, 1);
		else
			buf_printf(b, "%%%02X", *p);
}

/* A MIME type fit for a header (letters, digits, and / . + -), else a plain octet stream. */
static const char *mime_type_ok(const char *t)
{
	if (t == NULL || !*t || strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.+-") != strlen(t) ||
	    strchr(t, '/') == NULL)
		return "application/octet-stream";
	return t;
}

const char *mail_compose(struct req *r, long long id, const char *to, const char *title, const char *text,
			 const char *html, const char *attach_name, const char *attach_type, const char *attach_b64)
{
	const char *from = r->cfg->mail_from;
	if (!address_ok(to) || !address_ok(from))
		return NULL;
	char date[64], rnd[65];
	struct tm tm;
	localtime_r(&r->now, &tm);
	/* RFC 5322 wants English day and month names whatever the locale */
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	long off = tm.tm_gmtoff / 60;
	snprintf(date, sizeof date, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
		 (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
	if (crypto_token(rnd) != 0)
		return NULL;
	const char *host = strchr(from, '@') + 1;
	const char *boundary = arena_printf(r->a, "=_dossier_%lld_%.16s", id, rnd);
	const char *mixed = arena_printf(r->a, "=_dossier_mixed_%lld_%.16s", id, rnd);
	int attached = attach_name != NULL && *attach_name && attach_b64 != NULL && *attach_b64;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: %s\r\n", date, from, to,
		   mail_encode_header(r, title));
	/* the same id on every attempt of this outbox row: a receiver may drop a repeat */
	buf_printf(&b, "Message-ID: <dossier.%lld.%.8s@%s>\r\n", id, rnd, host);
	buf_puts(&b, "MIME-Version: 1.0\r\n");
	if (attached)
		buf_printf(&b, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n--%s\r\n", mixed, mixed);
	buf_printf(&b, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", boundary);
	buf_printf(&b, "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		   boundary);
	mail_base64(&b, (const unsigned char *)text, strlen(text), 1);
	buf_printf(&b, "--%s\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		   boundary);
	mail_base64(&b, (const unsigned char *)html, strlen(html), 1);
	buf_printf(&b, "--%s--\r\n", boundary);
	if (attached) {
		buf_printf(&b, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n"
			   "Content-Disposition: attachment; ", mixed, mime_type_ok(attach_type));
		filename_param(&b, attach_name);
		buf_puts(&b, "\r\n\r\n");
		buf_puts(&b, attach_b64);
		if (b.len >= 2 && buf_cstr(&b)[b.len - 1] != '\n')
			buf_puts(&b, "\r\n");
		buf_printf(&b, "--%s--\r\n", mixed);
	}
	const char *out = b.failed ? NULL : arena_strdup(r->a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* ---- the session ------------------------------------------------------------------------ */

struct smtp {
	const struct config *cfg;
	CURL *curl;
	const char *data;        /* the message being uploaded */
	size_t len, pos;
	int auth_offered;        /* the server's EHLO answer listed AUTH (this connection) */
	int refused_no_auth;     /* the upload was stopped: credentials set, no AUTH offered */
};

static size_t read_cb(char *out, size_t size, size_t nmemb, void *ctx)
{
	struct smtp *s = ctx;
	/* credentials are set but the server signed nobody in: do not send unauthenticated */
	if (s->pos == 0 && s->cfg->smtp_user[0] && !s->auth_offered) {
		s->refused_no_auth = 1;
		return CURL_READFUNC_ABORT;
	}
	size_t n = size * nmemb;
	if (n > s->len - s->pos)
		n = s->len - s->pos;
	memcpy(out, s->data + s->pos, n);
	s->pos += n;
	return n;
}

/* Watches the server's EHLO answer for AUTH (a new connection starts afresh). */
static int debug_cb(CURL *h, curl_infotype type, char *data, size_t size, void *ctx)
{
	struct smtp *s = ctx;
	if (type == CURLINFO_HEADER_OUT && size >= 4 && (strncmp(data, "EHLO", 4) == 0 || strncmp(data, "HELO", 4) == 0))
		s->auth_offered = 0;
	if (type == CURLINFO_HEADER_IN && size >= 8 && strncmp(data + 4, "AUTH", 4) == 0 &&
	    strncmp(data, "250", 3) == 0)
		s->auth_offered = 1;
	return 0;
}

struct smtp *smtp_new(const struct config *cfg)
{
	struct smtp *s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->cfg = cfg;
	s->curl = curl_easy_init();
	if (s->curl == NULL) {
		free(s);
		return NULL;
	}
	CURL *c = s->curl;
	curl_easy_setopt(c, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, cfg->smtp_connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, cfg->smtp_timeout);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, cfg->mail_from);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, s);
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);   /* feeds debug_cb only; nothing is printed */
	if (cfg->smtp_starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);   /* never _TRY: no silent clear text */
	if (cfg->smtp_ca_file[0])
		curl_easy_setopt(c, CURLOPT_CAINFO, cfg->smtp_ca_file);
	if (cfg->smtp_user[0]) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->smtp_user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->smtp_password);
	}
	return s;
}

void smtp_free(struct smtp *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->curl);
	free(s);
}

int smtp_send(struct smtp *s, const char *to, const char *message, char *err, size_t errlen, int *fatal)
{
	*fatal = 0;
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	if (rcpt == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	s->data = message;
	s->len = strlen(message);
	s->pos = 0;
	s->refused_no_auth = 0;
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)s->len);
	CURLcode rc = curl_easy_perform(s->curl);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	if (rc == CURLE_OK)
		return 0;
	long code = 0;
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &code);
	if (s->refused_no_auth) {
		snprintf(err, errlen, "the server offers no sign-in (AUTH) but smtp_user is set: not sent");
		*fatal = 1;
		return -1;
	}
	snprintf(err, errlen, "smtp: %s (curl %d, server %ld)", curl_easy_strerror(rc), (int)rc, code);
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_USE_SSL_FAILED:
	case CURLE_LOGIN_DENIED:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CACERT_BADFILE:
		*fatal = 1;
		break;
	default:
		break;
	}
	return -1;
}
