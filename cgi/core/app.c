/* app.c — one request from FastCGI to FastCGI: read and check the input
 * against the limits, resolve the session, dispatch, send, log. */
#include "app.h"
#include "crypto.h"
#include "log.h"
#include "router.h"
#include "session.h"
#include "server.h"
#include <fcgiapp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 422: return "Unprocessable Content";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

static const char *param(FCGX_Request *fr, const char *name)
{
	return FCGX_GetParam(name, fr->envp);
}

static int parse_rc_status(int rc)
{
	return rc == PARSE_MALFORMED ? 400 : 413;
}

/* Reads everything the handler may use. Returns 0 or an HTTP status. */
static int read_request(struct req *r, FCGX_Request *fr)
{
	const struct config *c = r->cfg;
	const char *fault = c->test_mode ? param(fr, "HTTP_X_TEST_FAULT") : NULL;
	if (fault != NULL) {
		r->test_fault = arena_strdup(r->a, fault);
		if (strncmp(fault, "lost:", 5) == 0)
			db_test_lose_after(r->db, fault + 5);
	}
	const char *m = param(fr, "REQUEST_METHOD");
	r->method_name = arena_strdup(r->a, m ? m : "-");
	if (m != NULL && strcmp(m, "GET") == 0)
		r->method = M_GET;
	else if (m != NULL && strcmp(m, "HEAD") == 0)
		r->method = M_HEAD;
	else if (m != NULL && strcmp(m, "POST") == 0)
		r->method = M_POST;

	const char *uri = param(fr, "DOCUMENT_URI");
	if (uri == NULL) {
		uri = param(fr, "REQUEST_URI");
		if (uri != NULL)
			uri = arena_strndup(r->a, uri, strcspn(uri, "?"));
	}
	r->path = arena_strdup(r->a, uri ? uri : "/");
	const char *addr = param(fr, "REMOTE_ADDR");
	r->remote_addr = arena_strdup(r->a, addr ? addr : "");
	const char *referer = param(fr, "HTTP_REFERER");
	const char *scheme_end = referer ? strstr(referer, "://") : NULL;
	const char *local = scheme_end ? strchr(scheme_end + 3, '/') : NULL;
	if (local != NULL && local[1] != '/' && strlen(local) <= 2048 && utf8_valid(local, strlen(local)) &&
	    strpbrk(local, "\t\r\n") == NULL)
		r->referer = arena_strdup(r->a, local);
	const char *https = param(fr, "HTTPS");
	r->https = https != NULL && strcasecmp(https, "on") == 0;
	if (strlen(r->path) > 2048 || !utf8_valid(r->path, strlen(r->path)) ||
	    strpbrk(r->path, "\t\r\n") != NULL)
		return 400;
	if (r->method == 0)
		return 405;

	struct limits lim = { (size_t)c->max_fields, 128, (size_t)c->max_field_len, (size_t)c->max_upload };
	struct limits cookie_lim = { 50, 128, 4096, 0 };
	const char *cookie = param(fr, "HTTP_COOKIE");
	if (cookie != NULL) {
		if (strlen(cookie) > (size_t)c->max_header)
			return 413;
		int rc = parse_cookies(r->a, cookie, &r->cookies, &cookie_lim);
		if (rc != PARSE_OK)
			return parse_rc_status(rc);
	}
	const char *qs = param(fr, "QUERY_STRING");
	if (qs != NULL && *qs) {
		if (strlen(qs) > (size_t)c->max_header)
			return 413;
		int rc = parse_urlencoded(r->a, qs, strlen(qs), &r->query, &lim);
		if (rc != PARSE_OK)
			return parse_rc_status(rc);
	}
	if (r->method != M_POST)
		return 0;

	const char *ctype = param(fr, "CONTENT_TYPE");
	const char *clen = param(fr, "CONTENT_LENGTH");
	char *end = NULL;
	long long len = clen && *clen ? strtoll(clen, &end, 10) : 0;
	if (clen && *clen && (*end != '\0' || len < 0))
		return 400;
	int multipart = ctype != NULL && strncasecmp(ctype, "multipart/form-data", 19) == 0;
	if (len > (multipart ? c->max_upload : c->max_body))
		return 413;
	if (len == 0)
		return 0;
	char *body = arena_alloc(r->a, (size_t)len + 1);
	int got = FCGX_GetStr(body, (int)len, fr->in);
	if (got != len)
		return 400;
	body[len] = '\0';
	int rc;
	if (multipart)
		rc = parse_multipart(r->a, ctype, body, (size_t)len, &r->form, &lim);
	else if (ctype != NULL && strncasecmp(ctype, "application/x-www-form-urlencoded", 33) == 0)
		rc = parse_urlencoded(r->a, body, (size_t)len, &r->form, &lim);
	else
		rc = PARSE_MALFORMED;
	return rc == PARSE_OK ? 0 : parse_rc_status(rc);
}

void *req_cache_get(struct req *r, const void *key)
{
	for (int i = 0; i < REQ_CACHE_SLOTS; i++)
		if (r->cache[i].key == key)
			return r->cache[i].value;
	return NULL;
}

void req_cache_put(struct req *r, const void *key, void *value)
{
	for (int i = 0; i < REQ_CACHE_SLOTS; i++)
		if (r->cache[i].key == NULL || r->cache[i].key == key) {
			r->cache[i].key = key;
			r->cache[i].value = value;
			return;
		}
	log_msg("rid=%s request cache full", r->rid);
}

static void choose_lang(struct req *r)
{
	const char *l = r->user && r->user->lang ? r->user->lang : req_cookie(r, "lang");
	if (l != NULL && (strcmp(l, "en") == 0 || strcmp(l, "zh_CN") == 0))
		r->lang = l;
	else
		r->lang = r->cfg->lang_default;
}

static void send_response(struct req *r, FCGX_Request *fr)
{
	if (r->flash_out != NULL)
		resp_cookie(r, "flash", r->flash_out, 120);
	else if (r->flash_shown)
		resp_cookie(r, "flash", "", 0);
	FCGX_FPrintF(fr->out,
		     "Status: %d %s\r\n"
		     "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; form-action 'self'\r\n"
		     "X-Frame-Options: DENY\r\n"
		     "X-Content-Type-Options: nosniff\r\n"
		     "Referrer-Policy: same-origin\r\n"
		     "Cache-Control: no-store\r\n"
		     "X-Request-Id: %s\r\n",
		     r->status, reason(r->status), r->rid);
	if (r->ctype != NULL)
		FCGX_FPrintF(fr->out, "Content-Type: %s\r\n", r->ctype);
	if (r->cfg->test_mode || r->cfg->report_statements)   /* the tests and scripts/bench count them */
		FCGX_FPrintF(fr->out, "X-Statements: %lu\r\n", db_count(r->db) - r->statements_unseen);
	FCGX_PutStr(buf_cstr(&r->headers), (int)r->headers.len, fr->out);
	FCGX_PutStr("\r\n", 2, fr->out);
	if (r->method != M_HEAD && r->body.len > 0)
		FCGX_PutStr(r->body.data, (int)r->body.len, fr->out);
}

void app_handle(struct worker *w, FCGX_Request *fr)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct req req;
	memset(&req, 0, sizeof req);
	struct req *r = &req;
	r->a = arena_new();
	r->w = w;
	r->cfg = w->cfg;
	r->db = w->db;
	r->now = clock_now();
	clock_format(r->now, r->now_text);
	r->status = 200;
	r->lang = r->cfg->lang_default;
	buf_init(&r->headers);
	buf_init(&r->body);
	unsigned char rid[8];
	crypto_random(rid, sizeof rid);
	for (int i = 0; i < 8; i++)
		snprintf(r->rid + 2 * i, 3, "%02x", rid[i]);
	NEOERR *err = hdf_init(&r->hdf);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		FCGX_FPrintF(fr->out, "Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nerror\n");
		arena_free(r->a);
		return;
	}

	db_count_reset(r->db);
	int status = read_request(r, fr);
	if (status == 0) {
		/* health answers even when the database does not */
		if (strcmp(r->path, "/healthz") == 0)
			status = router_dispatch(r);
		else if (db_connect(r->db) != DB_OK)
			status = 503;
		else if (session_load(r) != DB_OK)
			status = 503;
		else {
			choose_lang(r);
			status = router_dispatch(r);
		}
	}
	if (status != 0) {
		buf_reset(&r->body);
		render_error(r, status);
	}
	if (r->body.failed) {
		buf_reset(&r->body);
		resp_text(r, 500, "error\n");
	}
	send_response(r, fr);

	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	log_msg("rid=%s user=%s %s %s %d %.1fms", r->rid, r->user ? r->user->username : "-",
		r->method_name, r->path, r->status, ms);
	hdf_destroy(&r->hdf);
	buf_free(&r->headers);
	buf_free(&r->body);
	arena_free(r->a);
}
