/* http_client.h — a small browser for the integration tests: one libcurl
 * handle with its own cookie jar per simulated person, no redirects followed,
 * and a database helper to look behind the pages. */
#ifndef DOSSIER_HTTP_CLIENT_H
#define DOSSIER_HTTP_CLIENT_H
#include <stddef.h>
#include <curl/curl.h>
#include "core/buf.h"

struct response {
	long status;
	struct buf headers;
	struct buf body;
};

struct client {
	CURL *curl;
	char base[256];
	struct response res;
};

void client_init(struct client *c, const char *base);
void client_free(struct client *c);
/* Requests; the response stays in c->res until the next request. */
long client_get(struct client *c, const char *path);
/* POST urlencoded; fields are name, value pairs ending with NULL; values are encoded. */
long client_post(struct client *c, const char *path, ...);
/* The same with a NULL-terminated array of name, value pairs. */
long client_post_list(struct client *c, const char *path, const char *const *fields);
/* client_post_list with one more request header ("Name: value"; NULL: none). */
long client_post_header(struct client *c, const char *path, const char *header, const char *const *fields);
/* POST a raw body with a content type; extra_header may be NULL. */
long client_raw(struct client *c, const char *method, const char *path, const char *ctype, const char *body,
		size_t len, const char *extra_header);
/* POST multipart with one file part ("file") and the _csrf field. */
long client_upload(struct client *c, const char *path, const char *csrf, const char *filename, const char *data,
		   size_t len);
/* A response header (first match, case-insensitive name) into out; 0 when found. */
int client_header(struct client *c, const char *name, char *out, size_t outlen);
/* 1 when the body contains s. */
int client_has(struct client *c, const char *s);
/* The value of the first name="_csrf" in the body (static buffer), or "". */
const char *client_csrf(struct client *c);
/* GET /login, POST the form; returns the POST's status (303 on success). */
long client_sign_in(struct client *c, const char *user, const char *password);
/* The value of the cookie name in the jar, or "" (static buffer). */
const char *client_cookie(struct client *c, const char *name);
/* Sets (or replaces) a cookie in the jar. */
void client_set_cookie(struct client *c, const char *name, const char *value);

/* ---- database ---- */
/* Connects as the admin account of the config (DOSSIER_TEST_CONF). 0 or -1. */
int db_test_open(void);
void db_test_close(void);
/* The first column of the first row of sql (printf-style), as a number; -1 on error. */
long long db_value(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same as text into a static buffer ("" when no row). */
const char *db_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Runs sql as the application's own database account; returns the error number (0 = ok). */
unsigned db_as_app(const char *sql);
/* Runs sql as admin; returns the error number. */
unsigned db_exec_admin(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A second admin session that opens a transaction and runs sql in it (e.g. an
 * UPDATE that holds row locks, as a person saving a form would), or NULL;
 * db_hold_end rolls it back and closes it. */
struct db_hold;
struct db_hold *db_hold_begin(const char *sql);
void db_hold_end(struct db_hold *h);

/* On the cluster of scripts/test-cluster (DOSSIER_CLUSTER_SOCKS: the nodes'
 * sockets, comma-separated): the number of nodes; 0 on a single server. */
int db_nodes(void);
/* An admin statement run on every node (on a single server: the server);
 * 0 or the first error number. For server-wide settings (read_only). */
unsigned db_exec_every_node(const char *sql);
/* The sum over every node of a numeric query's first value (on a single
 * server: its value), e.g. a status counter such as COM_COMMIT. */
long long db_sum_every_node(const char *sql);
#endif
