#include "session.h"
#include "core_sql.h"
#include "crypto.h"
#include "domain.h"
#include "log.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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

/* ---- the user's state, kept by each worker ---------------------------- */

/* The roles and joined session fields (Q_USER_STATE's columns) of the last
 * users seen, each as of its user_state version: a worker reads them again
 * only when the session's statement shows another version. A slot per user
 * id modulo STATE_SLOTS. */
#define STATE_SLOTS 64
struct kept_state {
	long long user_id;           /* 0: empty */
	char day[20];                /* the start of the day it was read on (its joins' `?`) */
	char *version;               /* "" while the user has no user_state row */
	char **cols;                 /* ncols values, NULL for SQL NULL */
	size_t ncols;
};
static struct kept_state kept[STATE_SLOTS];

static void kept_clear(struct kept_state *k)
{
	for (size_t i = 0; k->cols != NULL && i < k->ncols; i++)
		free(k->cols[i]);
	free(k->cols);
	free(k->version);
	memset(k, 0, sizeof *k);
}

/* Keeps row (ncols values, read on day) as the state of uid; on no memory
 * keeps nothing. */
static void kept_set(struct kept_state *k, long long uid, const char *day, char *const *row, size_t ncols)
{
	kept_clear(k);
	snprintf(k->day, sizeof k->day, "%s", day);
	k->cols = calloc(ncols, sizeof *k->cols);
	k->version = strdup(row[US_VERSION] != NULL ? row[US_VERSION] : "");
	int ok = k->cols != NULL && k->version != NULL;
	for (size_t i = 0; ok && i < ncols; i++)
		if (row[i] != NULL && (k->cols[i] = strdup(row[i])) == NULL)
			ok = 0;
	k->ncols = ncols;
	k->user_id = uid;
	if (!ok)
		kept_clear(k);
}

/* The state of user uid whose version the session's statement read: the
 * worker's copy when it is of that version, else Q_USER_STATE's row (and
 * kept). *out: the columns, in r's arena. A db_rc. */
static int user_state(struct req *r, long long uid, const char *version, char ***out)
{
	size_t ncols = US__COLS + session_joined_fields();
	struct kept_state *k = &kept[(unsigned long long)uid % STATE_SLOTS];
	char *const *row = k->cols;
	char day[20];
	snprintf(day, sizeof day, "%.10s 00:00:00", r->now_text);
	if (k->user_id != uid || k->version == NULL || strcmp(k->version, version) != 0 || strcmp(k->day, day) != 0) {
		struct dbparams *p = arena_alloc(r->a, sizeof *p);
		p->n = 0;
		p->overflow = 0;
		for (const char *t = Q_USER_STATE->types; t[1] != '\0'; t++)
			dbp_str(p, day);
		dbp_int(p, uid);
		struct dbres st;
		int rc = db_execv(r->db, r->a, Q_USER_STATE, &st, p);
		if (rc != DB_OK)
			return rc;
		if (st.nrows != 1 || st.ncols != ncols)
			return DB_ERROR;
		kept_set(k, uid, day, st.rows[0], ncols);
		row = st.rows[0];
	}
	*out = arena_alloc(r->a, ncols * sizeof **out);
	for (size_t i = 0; i < ncols; i++)
		(*out)[i] = row[i] != NULL ? arena_strdup(r->a, row[i]) : NULL;
	return DB_OK;
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
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_SESSION_GET, &res, "s", r->session_hash);
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
	char **state;
	if ((rc = user_state(r, dbres_int(&res, 0, SS_USER), dbres_get(&res, 0, SESSION_STATE), &state)) != DB_OK)
		return rc;
	r->user = user_from_row(r, &res, 0, SS_USER_COLS);
	r->user->roles = roles_parse(state[US_ROLES] != NULL ? state[US_ROLES] : "");
	r->csrf = arena_strdup(r->a, dbres_get(&res, 0, SS_CSRF));
	r->versions = arena_strdup(r->a, dbres_get(&res, 0, SESSION_VERSIONS));
	r->session_fields = session_fields_of(r->a, res.rows[0] + SESSION_STATE + 1, state + US__COLS);
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
