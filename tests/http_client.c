#include "http_client.h"
#include "core/config.h"
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	buf_append(ctx, p, size * n);
	return size * n;
}

void client_init(struct client *c, const char *base)
{
	memset(c, 0, sizeof *c);
	snprintf(c->base, sizeof c->base, "%s", base);
	c->curl = curl_easy_init();
	curl_easy_setopt(c->curl, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	buf_init(&c->res.headers);
	buf_init(&c->res.body);
}

void client_free(struct client *c)
{
	curl_easy_cleanup(c->curl);
	buf_free(&c->res.headers);
	buf_free(&c->res.body);
}

static long perform(struct client *c, const char *path, struct curl_slist *hdrs)
{
	char url[2048];
	snprintf(url, sizeof url, "%s%s", c->base, path);
	buf_reset(&c->res.headers);
	buf_reset(&c->res.body);
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &c->res.body);
	curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, &c->res.headers);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, hdrs);
	CURLcode rc = curl_easy_perform(c->curl);
	c->res.status = 0;
	if (rc == CURLE_OK)
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &c->res.status);
	else
		fprintf(stderr, "\ncurl %s: %s\n", path, curl_easy_strerror(rc));
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(c->curl, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, NULL);
	return c->res.status;
}

long client_get(struct client *c, const char *path)
{
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	return perform(c, path, NULL);
}

long client_post_list(struct client *c, const char *path, const char *const *fields)
{
	return client_post_header(c, path, NULL, fields);
}

long client_post_header(struct client *c, const char *path, const char *header, const char *const *fields)
{
	struct buf body;
	buf_init(&body);
	for (size_t i = 0; fields[i] != NULL; i += 2) {
		const char *value = fields[i + 1];
		char *enc = curl_easy_escape(c->curl, value ? value : "", 0);
		buf_printf(&body, "%s%s=%s", body.len ? "&" : "", fields[i], enc);
		curl_free(enc);
	}
	long st = client_raw(c, "POST", path, "application/x-www-form-urlencoded", buf_cstr(&body), body.len, header);
	buf_free(&body);
	return st;
}

long client_post(struct client *c, const char *path, ...)
{
	const char *fields[129];
	size_t n = 0;
	va_list ap;
	va_start(ap, path);
	const char *name;
	while (n < 126 && (name = va_arg(ap, const char *)) != NULL) {
		fields[n++] = name;
		fields[n++] = va_arg(ap, const char *);
	}
	va_end(ap);
	fields[n] = NULL;
	return client_post_list(c, path, fields);
}

long client_raw(struct client *c, const char *method, const char *path, const char *ctype, const char *body,
		size_t len, const char *extra_header)
{
	struct curl_slist *h = NULL;
	char ct[256];
	if (ctype != NULL) {
		snprintf(ct, sizeof ct, "Content-Type: %s", ctype);
		h = curl_slist_append(h, ct);
	}
	if (extra_header != NULL)
		h = curl_slist_append(h, extra_header);
	if (body != NULL) {
		curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
		curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
		curl_easy_setopt(c->curl, CURLOPT_COPYPOSTFIELDS, body);
	} else {
		curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	}
	if (strcmp(method, "POST") != 0 && strcmp(method, "GET") != 0)
		curl_easy_setopt(c->curl, CURLOPT_CUSTOMREQUEST, method);
	long st = perform(c, path, h);
	curl_slist_free_all(h);
	return st;
}

long client_upload(struct client *c, const char *path, const char *csrf, const char *filename, const char *data,
		   size_t len)
{
	curl_mime *mime = curl_mime_init(c->curl);
	curl_mimepart *part = curl_mime_addpart(mime);
	curl_mime_name(part, "_csrf");
	curl_mime_data(part, csrf, CURL_ZERO_TERMINATED);
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "file");
	curl_mime_filename(part, filename);
	curl_mime_type(part, "text/csv");
	curl_mime_data(part, data, len);
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, mime);
	long st = perform(c, path, NULL);
	curl_mime_free(mime);
	return st;
}

int client_header(struct client *c, const char *name, char *out, size_t outlen)
{
	size_t n = strlen(name);
	const char *p = buf_cstr(&c->res.headers);
	while (p && *p) {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1;
			while (*v == ' ')
				v++;
			size_t len = strcspn(v, "\r\n");
			snprintf(out, outlen, "%.*s", (int)len, v);
			return 0;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

int client_has(struct client *c, const char *s)
{
	return strstr(buf_cstr(&c->res.body), s) != NULL;
}

const char *client_csrf(struct client *c)
{
	static char tok[80];
	tok[0] = '\0';
	const char *p = strstr(buf_cstr(&c->res.body), "name=\"_csrf\" value=\"");
	if (p) {
		p += strlen("name=\"_csrf\" value=\"");
		size_t n = strcspn(p, "\"");
		snprintf(tok, sizeof tok, "%.*s", (int)(n < 79 ? n : 79), p);
	}
	return tok;
}

long client_sign_in(struct client *c, const char *user, const char *password)
{
	client_get(c, "/login");
	char csrf[80];
	snprintf(csrf, sizeof csrf, "%s", client_csrf(c));
	return client_post(c, "/login", "_csrf", csrf, "username", user, "password", password, NULL);
}

const char *client_cookie(struct client *c, const char *name)
{
	static char value[256];
	value[0] = '\0';
	struct curl_slist *list = NULL;
	curl_easy_getinfo(c->curl, CURLINFO_COOKIELIST, &list);
	for (struct curl_slist *e = list; e; e = e->next) {
		/* netscape format: domain, flag, path, secure, expires, name, value */
		char *f[7] = { 0 };
		char *copy = strdup(e->data), *p = copy;
		for (int i = 0; i < 7 && p; i++) {
			f[i] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (f[5] && f[6] && strcmp(f[5], name) == 0)
			snprintf(value, sizeof value, "%s", f[6]);
		free(copy);
	}
	curl_slist_free_all(list);
	return value;
}

void client_set_cookie(struct client *c, const char *name, const char *value)
{
	char line[512];
	snprintf(line, sizeof line, "Set-Cookie: %s=%s; Path=/", name, value);
	curl_easy_setopt(c->curl, CURLOPT_COOKIELIST, line);
}

/* ---- database ---- */

static MYSQL *admin;
static struct config cfg;

int db_test_open(void)
{
	char err[300];
	const char *path = getenv("DOSSIER_TEST_CONF");
	if (path == NULL || config_load(&cfg, path, err, sizeof err) != 0) {
		fprintf(stderr, "config: %s\n", path ? err : "DOSSIER_TEST_CONF not set");
		return -1;
	}
	admin = mysql_init(NULL);
	mysql_optionsv(admin, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(admin, cfg.db_host, cfg.db_admin_user, cfg.db_admin_password, cfg.db_name,
				(unsigned)cfg.db_port, cfg.db_socket[0] ? cfg.db_socket : NULL, 0)) {
		fprintf(stderr, "db: %s\n", mysql_error(admin));
		return -1;
	}
	/* as the app's sessions (db_sync_wait): on a Galera node a check first
	 * waits until its node has applied what another node committed */
	if (cfg.db_sync_wait > 0) {
		char q[64];
		snprintf(q, sizeof q, "SET SESSION wsrep_sync_wait = %ld", cfg.db_sync_wait);
		if (mysql_query(admin, q) != 0 && mysql_errno(admin) != 1193) {
			fprintf(stderr, "db: %s: %s\n", q, mysql_error(admin));
			return -1;
		}
	}
	return 0;
}

void db_test_close(void)
{
	if (admin)
		mysql_close(admin);
	admin = NULL;
}

/* a reconnect after a MariaDB restart in a test */
static void reconnect(void)
{
	if (mysql_ping(admin) != 0) {
		db_test_close();
		db_test_open();
	}
}

static char *vformat(const char *fmt, va_list ap)
{
	static char sql[4096];
	vsnprintf(sql, sizeof sql, fmt, ap);
	return sql;
}

const char *db_text(const char *fmt, ...)
{
	static char out[65536];       /* a mail's body */
	out[0] = '\0';
	va_list ap;
	va_start(ap, fmt);
	char *sql = vformat(fmt, ap);
	va_end(ap);
	reconnect();
	if (mysql_query(admin, sql) != 0) {
		fprintf(stderr, "\ndb: %s: %s\n", sql, mysql_error(admin));
		return out;
	}
	MYSQL_RES *res = mysql_store_result(admin);
	MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
	if (row && row[0])
		snprintf(out, sizeof out, "%s", row[0]);
	if (res)
		mysql_free_result(res);
	return out;
}

long long db_value(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char sql[4096];
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	const char *t = db_text("%s", sql);
	return *t ? strtoll(t, NULL, 10) : -1;
}

unsigned db_exec_admin(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = vformat(fmt, ap);
	va_end(ap);
	reconnect();
	if (mysql_query(admin, sql) != 0)
		return mysql_errno(admin);
	MYSQL_RES *res = mysql_store_result(admin);
	if (res)
		mysql_free_result(res);
	return 0;
}

struct db_hold {
	MYSQL *m;
};

struct db_hold *db_hold_begin(const char *sql)
{
	struct db_hold *h = calloc(1, sizeof *h);
	h->m = mysql_init(NULL);
	mysql_optionsv(h->m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(h->m, cfg.db_host, cfg.db_admin_user, cfg.db_admin_password, cfg.db_name,
				(unsigned)cfg.db_port, cfg.db_socket[0] ? cfg.db_socket : NULL, 0) ||
	    mysql_query(h->m, "START TRANSACTION") != 0 || mysql_query(h->m, sql) != 0) {
		fprintf(stderr, "db_hold_begin: %s\n", mysql_error(h->m));
		mysql_close(h->m);
		free(h);
		return NULL;
	}
	return h;
}

void db_hold_end(struct db_hold *h)
{
	if (h == NULL)
		return;
	mysql_query(h->m, "ROLLBACK");
	mysql_close(h->m);
	free(h);
}

unsigned db_as_app(const char *sql)
{
	MYSQL *m = mysql_init(NULL);
	unsigned err = 0;
	if (!mysql_real_connect(m, cfg.db_host, cfg.db_user, cfg.db_password, cfg.db_name, (unsigned)cfg.db_port,
				cfg.db_socket[0] ? cfg.db_socket : NULL, 0))
		err = mysql_errno(m);
	else if (mysql_query(m, sql) != 0)
		err = mysql_errno(m);
	mysql_close(m);
	return err;
}

/* ---- the nodes of a cluster ---- */

static int node_socks(char socks[][256], int max)
{
	const char *env = getenv("DOSSIER_CLUSTER_SOCKS");
	int n = 0;
	while (env != NULL && *env != '\0' && n < max) {
		size_t len = strcspn(env, ",");
		snprintf(socks[n++], 256, "%.*s", (int)len, env);
		env += len;
		if (*env == ',')
			env++;
	}
	return n;
}

int db_nodes(void)
{
	char socks[8][256];
	return node_socks(socks, 8);
}

static MYSQL *node_open(const char *sock)
{
	MYSQL *m = mysql_init(NULL);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(m, NULL, cfg.db_admin_user, cfg.db_admin_password, cfg.db_name, 0, sock, 0)) {
		fprintf(stderr, "\ndb: node %s: %s\n", sock, mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

unsigned db_exec_every_node(const char *sql)
{
	char socks[8][256];
	int n = node_socks(socks, 8);
	if (n == 0)
		return db_exec_admin("%s", sql);
	unsigned err = 0;
	for (int i = 0; i < n; i++) {
		MYSQL *m = node_open(socks[i]);
		if (m == NULL) {
			err = err ? err : 2002;
			continue;
		}
		if (mysql_query(m, sql) != 0) {
			fprintf(stderr, "\ndb: node %s: %s: %s\n", socks[i], sql, mysql_error(m));
			err = err ? err : mysql_errno(m);
		} else {
			MYSQL_RES *res = mysql_store_result(m);
			if (res)
				mysql_free_result(res);
		}
		mysql_close(m);
	}
	return err;
}

long long db_sum_every_node(const char *sql)
{
	char socks[8][256];
	int n = node_socks(socks, 8);
	if (n == 0)
		return db_value("%s", sql);
	long long sum = 0;
	for (int i = 0; i < n; i++) {
		MYSQL *m = node_open(socks[i]);
		if (m == NULL)
			return -1;
		MYSQL_RES *res = NULL;
		MYSQL_ROW row = NULL;
		if (mysql_query(m, sql) == 0 && (res = mysql_store_result(m)) != NULL)
			row = mysql_fetch_row(res);
		if (row == NULL || row[0] == NULL) {
			fprintf(stderr, "\ndb: node %s: %s: %s\n", socks[i], sql, mysql_error(m));
			sum = -1;
		} else if (sum >= 0) {
			sum += strtoll(row[0], NULL, 10);
		}
		if (res)
			mysql_free_result(res);
		mysql_close(m);
	}
	return sum;
}
