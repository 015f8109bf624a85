#include "session.h"
#include "crypto.h"
#include "log.h"
#include <errno.h>
#include <string.h>
#include <time.h>

static int is_hex64(const char *s)
{
	return s != NULL && strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

struct user *user_from_row(struct req *r, const struct dbres *res, size_t row, size_t col)
{
	struct user *u = arena_alloc(r->a, sizeof *u);
	u->id = dbres_int(res, row, col);
	u->username = dbres_get(res, row, col + UC_USERNAME);
	u->display_name = dbres_get(res, row, col + UC_NAME);
	u->email = dbres_get(res, row, col + UC_EMAIL);
	u->dept_id = dbres_int(res, row, col + UC_DEPT_ID);
	u->dept_name = dbres_get(res, row, col + UC_DEPT_NAME);
	u->lang = res->rows[row][col + UC_LANG];
	u->must_change_password = (int)dbres_int(res, row, col + UC_MUST_CHANGE);
	u->roles = roles_parse(dbres_get(res, row, col + UC_ROLES));
	return u;
}

static void set_anonymous(struct req *r)
{
	const char *pre = req_cookie(r, PRESESSION_COOKIE);
	if (!is_hex64(pre)) {
		char *tok = arena_alloc(r->a, 65);
		if (crypto_token(tok) != 0)
			tok[0] = '\0';
		resp_cookie(r, PRESESSION_COOKIE, tok, -1);
		pre = tok;
	}
	r->csrf = pre;
}

int session_load(struct req *r)
{
	const char *tok = req_cookie(r, SESSION_COOKIE);
	if (!is_hex64(tok)) {
		if (tok != NULL)
			resp_cookie(r, SESSION_COOKIE, "", 0);
		set_anonymous(r);
		return DB_OK;
	}
	crypto_sha256_hex(tok, 64, r->session_hash);
	/* the domains' session fields take the time, each of their `?` (core/domain.c) */
	struct dbparams *p = arena_alloc(r->a, sizeof *p);
	p->n = 0;
	p->overflow = 0;
	for (const char *t = Q_SESSION_GET->types; t[1] != '\0'; t++)
		dbp_str(p, r->now_text);
	dbp_str(p, r->session_hash);
	struct dbres res;
	int rc = db_execv(r->db, r->a, Q_SESSION_GET, &res, p);
	if (rc != DB_OK)
		return rc;
	time_t created, seen;
	int valid = res.nrows == 1 && clock_parse(dbres_get(&res, 0, SS_CREATED), &created) == 0 &&
		    clock_parse(dbres_get(&res, 0, SS_SEEN), &seen) == 0 &&
		    r->now - seen <= r->cfg->session_idle &&
		    r->now - created <= r->cfg->session_absolute &&
		    dbres_int(&res, 0, SS_USER_COLS + UC_DISABLED) == 0;
	if (!valid) {
		if (res.nrows == 1)
			db_write(r->db, r->a, Q_SESSION_DELETE, NULL, "s", r->session_hash);
		r->session_hash[0] = '\0';
		resp_cookie(r, SESSION_COOKIE, "", 0);
		resp_flash(r, "session_expired");
		set_anonymous(r);
		return DB_OK;
	}
	r->user = user_from_row(r, &res, 0, SS_USER_COLS);
	r->csrf = arena_strdup(r->a, dbres_get(&res, 0, SS_CSRF));
	r->versions = arena_strdup(r->a, dbres_get(&res, 0, SESSION_VERSIONS));
	r->session_fields = res.rows[0] + SESSION_VERSIONS + 1;
	if (r->now - seen >= 60) {
		const char *now = r->now_text;
		db_write(r->db, r->a, Q_SESSION_TOUCH, NULL, "ss", now, r->session_hash);
	}
	return DB_OK;
}

int session_start(struct req *r, long long user_id, struct session_new *s)
{
	char now[20];
	if (crypto_token(s->token) != 0 || crypto_token(s->csrf) != 0)
		return DB_ERROR;
	crypto_sha256_hex(s->token, 64, s->hash);
	clock_format(r->now, now);
	int rc = session_delete(r);
	if (rc == DB_OK)
		rc = db_write(r->db, r->a, Q_SESSION_INSERT, NULL, "sissss", s->hash, user_id, s->csrf, now, now,
			      r->remote_addr);
	if (rc != DB_OK)
		return rc;
	/* housekeeping: expired sessions go, a thousand at a time */
	char idle[20], absolute[20];
	clock_format(r->now - r->cfg->session_idle, idle);
	clock_format(r->now - r->cfg->session_absolute, absolute);
	return db_write(r->db, r->a, Q_SESSION_PURGE, NULL, "ss", idle, absolute);
}

void session_begin(struct req *r, const struct session_new *s)
{
	memcpy(r->session_hash, s->hash, sizeof s->hash);
	r->csrf = arena_strdup(r->a, s->csrf);
	resp_cookie(r, SESSION_COOKIE, s->token, -1);
	resp_cookie(r, PRESESSION_COOKIE, "", 0);
}

int session_delete(struct req *r)
{
	if (r->session_hash[0] == '\0')
		return DB_OK;
	return db_write(r->db, r->a, Q_SESSION_DELETE, NULL, "s", r->session_hash);
}

void session_forget(struct req *r)
{
	r->session_hash[0] = '\0';
	resp_cookie(r, SESSION_COOKIE, "", 0);
}

int csrf_ok(struct req *r)
{
	return r->csrf != NULL && r->csrf[0] != '\0' && crypto_equal(req_form(r, "_csrf"), r->csrf);
}

/* Checks a new password against the rules; sets the form error and returns 0
 * when it breaks one. Shared with the admin's reset. */
int password_acceptable(struct req *r, const char *field, const char *pw, const char *username)
{
	if (pw == NULL || utf8_len(pw) < (size_t)r->cfg->password_min) {
		view_set(r, arena_printf(r->a, "Form.errors.%s", field),
			 arena_printf(r->a, "%s %ld", lang_text(r, "password.too_short"), r->cfg->password_min));
		view_set(r, "Form.invalid", "1");
		return 0;
	}
	if (strlen(pw) > 1024) {
		form_error(r, field, "password.too_long");
		return 0;
	}
	if (username != NULL && strcmp(pw, username) == 0) {
		form_error(r, field, "password.is_username");
		return 0;
	}
	return 1;
}
