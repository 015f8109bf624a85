/* response.c — request accessors, headers, cookies, redirects, the dataset. */
#include "app.h"
#include "log.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const role_names[ROLE_COUNT + 1] = {
	"staff", "dept_manager", "director", "deputy_gm", "gm", "archivist", "admin", "auditor", NULL,
};

unsigned roles_parse(const char *list)
{
	unsigned mask = 0;
	if (list == NULL)
		return 0;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ",");
		for (int i = 0; i < ROLE_COUNT; i++)
			if (strlen(role_names[i]) == n && strncmp(p, role_names[i], n) == 0)
				mask |= 1u << i;
		p += n;
		if (*p == ',')
			p++;
	}
	return mask;
}

const char *req_form(struct req *r, const char *name)
{
	return params_get(&r->form, name);
}

const char *req_query(struct req *r, const char *name)
{
	return params_get(&r->query, name);
}

long long text_id(const char *v)
{
	if (v == NULL || *v == '\0' || strspn(v, "0123456789") != strlen(v) || strlen(v) > 18)
		return 0;
	return strtoll(v, NULL, 10);
}

long long req_query_id(struct req *r, const char *name)
{
	return text_id(req_query(r, name));
}

const char *time_text(struct req *r, long long offset)
{
	if (offset == 0)
		return r->now_text;
	char *t = arena_alloc(r->a, 20);
	clock_format(r->now + (time_t)offset, t);
	return t;
}

const char *day_text(struct req *r, long days)
{
	char *t = arena_alloc(r->a, 20);
	clock_format(r->now + (time_t)days * 86400, t);
	t[10] = '\0';
	return t;
}

const char *user_name(struct req *r, long long id)
{
	struct dbres u;
	if (db_exec(r->db, r->a, Q_USER_GET, &u, "i", id) != DB_OK || u.nrows != 1)
		return "";
	return dbres_get(&u, 0, UC_NAME);
}

const char *req_cookie(struct req *r, const char *name)
{
	return params_get(&r->cookies, name);
}

int req_has_role(const struct req *r, unsigned roles)
{
	return r->user != NULL && (r->user->roles & roles) != 0;
}

void resp_header(struct req *r, const char *name, const char *value)
{
	if (value == NULL || strpbrk(value, "\r\n") != NULL) {
		log_msg("rid=%s refused header %s with CR/LF", r->rid, name);
		return;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

void resp_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	char age[48] = "";
	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
	const char *secure = (r->https || r->cfg->cookie_secure) ? "; Secure" : "";
	resp_header(r, "Set-Cookie",
		    arena_printf(r->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name,
				 max_age == 0 ? "" : value, age, secure));
}

/* Only local absolute paths: "/x", never "//host" or "/\host". */
static int local_path(const char *p)
{
	return p != NULL && p[0] == '/' && p[1] != '/' && p[1] != '\\' && strpbrk(p, "\r\n") == NULL;
}

int resp_redirect(struct req *r, const char *path)
{
	r->status = 303;
	resp_header(r, "Location", local_path(path) ? path : "/");
	buf_reset(&r->body);
	return 0;
}

void resp_flash(struct req *r, const char *key)
{
	r->flash_out = key;
}

void resp_text(struct req *r, int status, const char *text)
{
	r->status = status;
	r->ctype = "text/plain; charset=utf-8";
	buf_reset(&r->body);
	buf_puts(&r->body, text);
}

void resp_attachment(struct req *r, const char *ctype, const char *filename)
{
	r->status = 200;
	r->ctype = ctype;
	resp_header(r, "Content-Disposition", arena_printf(r->a, "attachment; filename=\"%s\"", filename));
}

void view_set(struct req *r, const char *name, const char *value)
{
	NEOERR *err = hdf_set_value(r->hdf, name, value ? value : "");
	if (err != STATUS_OK) {
		log_msg("rid=%s hdf_set_value %s failed", r->rid, name);
		nerr_ignore(&err);
	}
}

HDF *view_node(struct req *r, const char *name)
{
	HDF *node = NULL;
	NEOERR *err = hdf_get_node(r->hdf, name, &node);
	if (err != STATUS_OK) {
		log_msg("rid=%s hdf_get_node %s failed", r->rid, name);
		nerr_ignore(&err);
		return NULL;
	}
	return node;
}

void view_put(struct req *r, HDF *node, const char *name, const char *value)
{
	NEOERR *err = node != NULL ? hdf_set_value(node, name, value ? value : "") : STATUS_OK;
	if (err != STATUS_OK) {
		log_msg("rid=%s hdf_set_value %s failed", r->rid, name);
		nerr_ignore(&err);
	}
}

void view_setf(struct req *r, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *v = arena_vprintf(r->a, fmt, ap);
	va_end(ap);
	view_set(r, name, v);
}

void view_set_int(struct req *r, const char *name, long long v)
{
	view_setf(r, name, "%lld", v);
}

void view_row(struct req *r, const char *prefix, const char **cols, const struct dbres *res, size_t row)
{
	for (size_t j = 0; cols[j] != NULL && j < res->ncols; j++)
		if (cols[j][0] != '\0')
			view_set(r, arena_printf(r->a, "%s.%s", prefix, cols[j]), dbres_get(res, row, j));
}

void test_crash_point(struct req *r, const char *point)
{
	if (r->test_fault == NULL || strncmp(r->test_fault, "crash:", 6) != 0 || strcmp(r->test_fault + 6, point) != 0)
		return;
	log_msg("rid=%s test fault: the worker ends at %s", r->rid, point);
	_exit(70);
}

static int audit_write(struct req *r, int own_txn, const char *action, const char *object_type,
		       long long object_id, const char *detail)
{
	const char *at = r->now_text;
	const char *actor = r->user ? arena_printf(r->a, "%lld", r->user->id) : NULL;
	const char *object = object_id ? arena_printf(r->a, "%lld", object_id) : NULL;
	test_crash_point(r, "audit");
	int rc = (own_txn ? db_write : db_exec)(r->db, r->a, Q_AUDIT_INSERT, NULL, "sssssssss", at, actor,
						 r->user ? r->user->username : NULL, action, object_type, object,
						 detail, r->remote_addr, r->rid);
	if (rc != DB_OK)
		log_msg("rid=%s audit %s failed (%d)", r->rid, action, rc);
	return rc;
}

int audit(struct req *r, const char *action, const char *object_type, long long object_id,
	  const char *detail)
{
	return audit_write(r, 0, action, object_type, object_id, detail);
}

int audit_event(struct req *r, const char *action, const char *object_type, long long object_id,
		const char *detail)
{
	return audit_write(r, 1, action, object_type, object_id, detail);
}

long long data_version(struct req *r, const char *name)
{
	(void)name;              /* the session reads the count of every bump ('*'): any edit renews every copy */
	if (r->versions == NULL)
		return -1;
	return strtoll(r->versions, NULL, 10);   /* "" (never bumped): 0 */
}

int data_version_bump(struct req *r, const char *name)
{
	return db_exec(r->db, r->a, Q_VERSION_BUMP, NULL, "s", name);
}

const char *text_thousands(struct req *r, long long n)
{
	char digits[24], out[32];
	snprintf(digits, sizeof digits, "%lld", n < 0 ? 0 : n);
	size_t len = strlen(digits), o = 0;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return arena_strdup(r->a, out);
}

void view_count(struct req *r, long long from, size_t shown, long long total, long long cap)
{
	if (total > cap) {
		view_set(r, "Page.count_more", "1");
		view_set(r, "Page.count_cap", text_thousands(r, cap));
	} else if (from + (long long)shown - 1 > total) {
		from = total - (long long)shown + 1;   /* a stale place: the rows are right, the numbers follow */
	}
	if (from < 1)
		from = 1;
	view_set(r, "Page.count_total", text_thousands(r, total));
	view_set(r, "Page.count_first", text_thousands(r, shown ? from : 0));
	view_set(r, "Page.count_last", text_thousands(r, shown ? from + (long long)shown - 1 : 0));
}

struct keyset keyset_read(struct req *r, int (*key_ok)(const char *), const char *start)
{
	struct keyset k = { req_query(r, "after_key"), req_query_id(r, "after"), req_query_id(r, "from") };
	if (k.key == NULL || !key_ok(k.key) || k.after <= 0) {
		k.key = start;
		k.after = 0;
		k.from = 1;
	}
	if (k.from < 1)
		k.from = 1;
	return k;
}

void view_keyset(struct req *r, const struct keyset *k, size_t shown, int more, const char *last_id,
		 const char *last_key, long long total, long long cap)
{
	if (more && shown > 0) {
		view_set(r, "Page.next_after", last_id);
		view_set(r, "Page.next_key", last_key);
		view_set_int(r, "Page.next_from", k->from + (long long)shown);
	}
	if (k->from > 1)
		view_set(r, "Page.first", "1");
	view_count(r, k->from, shown, total, cap);
}

int db_fail(struct req *r)
{
	int rc = db_last(r->db);
	return rc == DB_OK ? 500 : db_status(rc);
}

int form_unsaved(struct req *r, int rc)
{
	view_setf(r, "Page.error_message", "%s %s %s",
		  lang_text(r, rc == DB_REFUSED ? "error.e503_refused.title" : "error.e503.title"),
		  lang_text(r, rc == DB_REFUSED ? "error.e503_refused.text" : "error.e503.text"),
		  lang_text(r, "error.form_kept"));
	return 503;
}
